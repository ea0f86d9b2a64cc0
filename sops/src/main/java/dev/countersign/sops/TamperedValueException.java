package dev.countersign.sops;

/**
 * Thrown when an encrypted value fails GCM authentication: its ciphertext, IV or tag was changed, it was
 * moved to another key path, or the data key is wrong.
 */
public final class TamperedValueException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of secret values
     */
    public TamperedValueException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public TamperedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
