package dev.countersign.sops;

/**
 * Thrown when a keys file or keyring cannot be read, or its location is misconfigured (for example
 * a relative {@code XDG_CONFIG_HOME}).
 */
public class KeyFileException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the key or file but never secret material
     */
    public KeyFileException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, naming the key or file but never secret material
     * @param cause the underlying failure
     */
    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
