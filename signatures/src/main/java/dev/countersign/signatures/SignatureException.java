package dev.countersign.signatures;

/**
 * The root of every exception this module throws. Messages name the key, the format or the rule
 * involved, and never contain private key material or passphrases.
 */
public class SignatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public SignatureException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
