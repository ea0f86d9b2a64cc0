package dev.countersign.stack;

/**
 * A document exceeds a safety limit: size, nesting depth, aliases or duplicate keys.
 *
 * <p>These limits stop hostile input (alias bombs, deep nesting, ambiguous duplicate keys) before
 * it is interpreted.
 */
public final class DocumentLimitException extends StackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the limit and the value that broke it
     */
    public DocumentLimitException(String message) {
        super(message);
    }

    /**
     * Creates the exception for a limit a parser enforced.
     *
     * @param message the limit and the value that broke it
     * @param cause the parser's exception
     */
    public DocumentLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
