package dev.countersign.gitops;

/** Thrown when a proposal id names no proposal in the repository. */
public final class UnknownProposalException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the unknown id
     */
    public UnknownProposalException(String id) {
        super("unknown proposal '" + id + "': no such proposal in this repository");
    }
}
