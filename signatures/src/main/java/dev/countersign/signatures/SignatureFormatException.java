package dev.countersign.signatures;

/** Thrown when a key, a signature, an armor or a private key file is not well-formed. */
public class SignatureFormatException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public SignatureFormatException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public SignatureFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
