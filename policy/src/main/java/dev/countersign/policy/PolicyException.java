package dev.countersign.policy;

/**
 * Root of every exception the policy module throws; unchecked, with a specific subclass per problem.
 */
public abstract class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that never contains a secret value.
     *
     * @param message what went wrong, naming the offending value and the rule it breaks
     * @param cause the underlying failure, or {@code null}
     */
    protected PolicyException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
