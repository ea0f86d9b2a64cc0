package dev.countersign.mcp.internal;

import dev.countersign.mcp.McpException;

/** A principal proposed more often than the server's rate allows. */
public final class RateLimitedException extends McpException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message who, how many, and when to try again
     */
    public RateLimitedException(String message) {
        super(message);
    }
}
