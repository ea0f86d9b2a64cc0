package dev.countersign.render;

/**
 * The root of every exception thrown by the render module: a renderer option or a stack breaks a rule
 * of the target layout; the message names the value.
 *
 * <p>Messages never contain secret values.
 */
public class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the offending value and the rule it breaks
     */
    public RenderException(String message) {
        super(message);
    }
}
