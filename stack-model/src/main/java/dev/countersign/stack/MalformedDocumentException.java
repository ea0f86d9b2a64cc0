package dev.countersign.stack;

/** A document is not well-formed YAML or JSON, or could not be read. */
public final class MalformedDocumentException extends StackException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message where the document is malformed
     * @param cause the parser's or reader's exception
     */
    public MalformedDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
