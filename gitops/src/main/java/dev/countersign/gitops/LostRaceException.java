package dev.countersign.gitops;

/**
 * Thrown in remote mode when an action lost the race against other hosts on every attempt: each push was
 * rejected because a ref it changed had moved on the server. Nothing was written on the server; the action
 * may be retried.
 */
public final class LostRaceException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /** How many times the action was evaluated and pushed. */
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param remote the remote, without credentials
     * @param attempts how many times the action was evaluated and pushed
     */
    public LostRaceException(String remote, int attempts) {
        super("lost the race for " + remote + " " + attempts
                + " times: other hosts kept changing the same refs; retry the action");
        this.attempts = attempts;
    }

    /**
     * Returns how many attempts were made.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return attempts;
    }
}
