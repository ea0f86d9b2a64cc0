package dev.countersign.stack;

/**
 * The root of every exception the stack model throws; unchecked, and never carrying a secret value.
 *
 * <p>Subclasses name the problem precisely and carry its data as accessors.
 */
public class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the value and the rule
     */
    public StackException(String message) {
        super(Excerpt.message(message));
    }

    /**
     * Creates an exception with a message and the cause it translates.
     *
     * @param message what went wrong, naming the value and the rule
     * @param cause the underlying exception
     */
    public StackException(String message, Throwable cause) {
        super(Excerpt.message(message), cause);
    }
}
