package dev.countersign.sops;

/**
 * Thrown when a file's {@code sops.version} is not a strict {@code MAJOR.MINOR.PATCH} version, which the
 * sops tool itself would refuse to decrypt.
 */
public final class UnsupportedVersionException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of secret values
     */
    public UnsupportedVersionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
