package dev.countersign.signatures;

/** Thrown when a FIDO security key signature lacks the user-presence flag: nobody touched the key. */
public class UserPresenceMissingException extends BadSignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public UserPresenceMissingException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public UserPresenceMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
