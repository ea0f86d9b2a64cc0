package dev.countersign.gitops;

/** Thrown when a proposal's content breaks a rule of the repository layout, before anything is written. */
public final class InvalidProposalException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the offending value and the rule it breaks
     */
    public InvalidProposalException(String message) {
        super(message);
    }
}
