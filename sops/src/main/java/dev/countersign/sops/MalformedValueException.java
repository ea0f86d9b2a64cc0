package dev.countersign.sops;

/**
 * Thrown when a value that should be encrypted is not a well-formed {@code ENC[AES256_GCM,...]} string,
 * or when its {@code type:} is unknown or its plaintext does not parse as that type.
 */
public final class MalformedValueException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, free of secret values
     */
    public MalformedValueException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public MalformedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
