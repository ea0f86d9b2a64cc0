package dev.countersign.sops;

/**
 * The root of every exception this module throws. Messages name the file, the value path or the key
 * involved, and never contain plaintext, data keys or private key material.
 */
public class SopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public SopsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public SopsException(String message, Throwable cause) {
        super(message, cause);
    }
}
