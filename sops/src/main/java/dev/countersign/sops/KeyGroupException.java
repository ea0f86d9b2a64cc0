package dev.countersign.sops;

/**
 * Thrown when Shamir shares of a data key cannot be combined: fewer than two or fewer than the
 * threshold, duplicate x-coordinates or shares of different lengths.
 */
public class KeyGroupException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the key or file but never secret material
     */
    public KeyGroupException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its underlying cause.
     *
     * @param message what went wrong, naming the key or file but never secret material
     * @param cause the underlying failure
     */
    public KeyGroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
