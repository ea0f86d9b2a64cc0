package dev.countersign.sops;

/**
 * Thrown when a data key must be wrapped for a recipient that no loaded key material can encrypt
 * to, for example a PGP fingerprint absent from the keyring or a key with no encryption subkey.
 */
public class UnknownRecipientException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the key or file but never secret material
     */
    public UnknownRecipientException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, naming the key or file but never secret material
     * @param cause the underlying failure
     */
    public UnknownRecipientException(String message, Throwable cause) {
        super(message, cause);
    }
}
