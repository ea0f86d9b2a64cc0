package dev.countersign.signatures;

/** Thrown when a private key file cannot be decrypted with the given passphrase, or needs one and none was given. */
public class WrongPassphraseException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public WrongPassphraseException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
