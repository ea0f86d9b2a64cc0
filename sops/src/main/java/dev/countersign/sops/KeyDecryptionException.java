package dev.countersign.sops;

/**
 * Thrown when an identity matches a key entry but the entry cannot be decrypted: it is corrupt,
 * truncated or tampered with.
 */
public class KeyDecryptionException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the key or file but never secret material
     */
    public KeyDecryptionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, naming the key or file but never secret material
     * @param cause the underlying failure
     */
    public KeyDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
