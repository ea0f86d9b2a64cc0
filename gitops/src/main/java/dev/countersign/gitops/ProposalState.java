package dev.countersign.gitops;

/**
 * The state of one proposal revision: {@code DRAFT -> PROPOSED -> APPROVED -> RECORDED}, with four ends
 * besides {@link #RECORDED}.
 *
 * <p>{@link Transitions#next(ProposalState, ProposalEvent, Verdict)} is the whole state machine: a pure function
 * of the state, the event and the policy verdict on that event. Persistence and Git are adapters around it.
 */
public enum ProposalState {
    /** Being edited by its author; not yet visible to reviewers. */
    DRAFT,
    /** Frozen, hashed and waiting for enough approvals. */
    PROPOSED,
    /** Approved by enough reviewers; waiting for policy to allow the record (for example a freeze). */
    APPROVED,
    /** Recorded as one commit on the environment's main line. */
    RECORDED,
    /** Rejected by a reviewer. */
    REJECTED,
    /** Withdrawn by its proposer. */
    WITHDRAWN,
    /** Replaced by a newer revision; its approvals do not carry over. */
    SUPERSEDED,
    /** The main line moved and overlaps the change; it needs a new proposal and a new review. */
    CONFLICTED;

    /**
     * Tells whether no event can leave this state.
     *
     * @return true for recorded, rejected, withdrawn, superseded and conflicted
     */
    public boolean isTerminal() {
        return this != DRAFT && this != PROPOSED && this != APPROVED;
    }
}
