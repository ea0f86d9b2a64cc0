package dev.countersign.gitops;

/**
 * The root of every exception thrown by the gitops module; subclasses carry the structured details.
 *
 * <p>Messages name the offending value and the rule it breaks, and never contain secret values.
 */
public class GitOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the value and the rule
     */
    public GitOpsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause it translates.
     *
     * @param message what went wrong, naming the value and the rule
     * @param cause the underlying failure, usually from Git or the file system
     */
    public GitOpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
