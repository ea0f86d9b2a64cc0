package dev.countersign.gitops;

/** Something that happens to a proposal revision; the input of {@link Transitions#next}. */
public enum ProposalEvent {
    /** The author freezes the draft and submits it for review. */
    PROPOSE,
    /** A reviewer approves the revision's content hash. */
    APPROVE,
    /** A reviewer rejects the revision. */
    REJECT,
    /** The proposer takes the revision back. */
    WITHDRAW,
    /** The proposer submits a newer revision, which replaces this one. */
    REVISE,
    /** The recording service writes the revision to the main line. */
    RECORD,
    /** Recording found that the main line moved and overlaps the change. */
    CONFLICT
}
