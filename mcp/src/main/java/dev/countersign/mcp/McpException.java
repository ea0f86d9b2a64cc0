package dev.countersign.mcp;

/** The root of the exceptions this module throws, for example when a server cannot start. */
public class McpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong; never a secret value
     */
    public McpException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong; never a secret value
     * @param cause the cause
     */
    public McpException(String message, Throwable cause) {
        super(message, cause);
    }
}
