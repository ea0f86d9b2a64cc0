package dev.countersign.mcp.internal;

import dev.countersign.mcp.McpException;

/** A tool argument the model can correct: missing, of the wrong shape, too large, or a bad JSON Patch. */
public final class ArgumentException extends McpException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the argument and the rule; never a secret value
     */
    public ArgumentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong; never a secret value
     * @param cause the cause
     */
    public ArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
