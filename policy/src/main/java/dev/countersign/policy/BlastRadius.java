package dev.countersign.policy;

/** A change reaching more than {@code maxDependents} dependents needs {@code extraApprovals} more. */
record BlastRadius(int maxDependents, int extraApprovals) {
    static final BlastRadius UNLIMITED = new BlastRadius(Integer.MAX_VALUE, 0);
}
