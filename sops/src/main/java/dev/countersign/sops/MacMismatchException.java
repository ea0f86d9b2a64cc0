package dev.countersign.sops;

/**
 * Thrown when a file's MAC is missing, cannot be decrypted (for example after {@code lastmodified} was
 * edited) or does not match the values: values were removed, reordered, swapped or edited.
 */
public final class MacMismatchException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of secret values
     */
    public MacMismatchException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public MacMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
