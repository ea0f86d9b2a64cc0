package dev.countersign.signatures;

/** Thrown when a signature does not verify: the message, the signature or the signed data was changed. */
public class BadSignatureException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public BadSignatureException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public BadSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
