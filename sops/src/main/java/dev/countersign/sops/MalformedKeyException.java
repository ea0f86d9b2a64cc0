package dev.countersign.sops;

/**
 * Thrown when a recipient, an identity, a line of a keys file or a keyring does not parse. The
 * message names the source (file and line, or the public recipient) and the rule, never the secret.
 */
public class MalformedKeyException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the key or file but never secret material
     */
    public MalformedKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, naming the key or file but never secret material
     * @param cause the underlying failure
     */
    public MalformedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
