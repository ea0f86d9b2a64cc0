package dev.countersign.gitops;

/** The policy verdict on one event, as far as the state machine cares. */
public enum Verdict {
    /** The event takes full effect. */
    ALLOW,
    /** The event is allowed but not sufficient yet: an approval short of the quorum, a record in a freeze. */
    HOLD,
    /** The event is refused; the state does not change. */
    DENY
}
