package dev.countersign.signatures;

/** Thrown when a key or signature uses an algorithm this module does not support (or refuses, such as SHA-1 RSA signatures). */
public class UnsupportedKeyTypeException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public UnsupportedKeyTypeException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public UnsupportedKeyTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
