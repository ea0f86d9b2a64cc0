package dev.countersign.sops;

/**
 * Thrown when no configured key source could unwrap the file's data key from any of its master-key
 * entries (or too few key groups could, when Shamir key groups are used).
 */
public final class NoMatchingKeyException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of secret values
     */
    public NoMatchingKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public NoMatchingKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
