package dev.countersign.sops;

/**
 * Thrown when a file cannot be parsed in its format, its {@code sops} metadata is missing or invalid, or
 * a plaintext document cannot be encrypted as given (for example it already has a {@code sops} key).
 */
public final class MalformedFileException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of secret values
     */
    public MalformedFileException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
