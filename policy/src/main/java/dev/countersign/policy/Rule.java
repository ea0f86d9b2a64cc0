package dev.countersign.policy;

/** A built-in rule: it may add denials or demands for approvals to an evaluation, never remove one. */
interface Rule {
    void check(Evaluation evaluation);
}
