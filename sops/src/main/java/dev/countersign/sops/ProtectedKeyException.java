package dev.countersign.sops;

/**
 * Thrown when a key is protected by a passphrase: a PGP secret key with a passphrase, or an
 * age keys file that is itself encrypted. Only unprotected keys are supported.
 */
public class ProtectedKeyException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the key or file but never secret material
     */
    public ProtectedKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, naming the key or file but never secret material
     * @param cause the underlying failure
     */
    public ProtectedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
