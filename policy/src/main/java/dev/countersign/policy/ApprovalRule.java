package dev.countersign.policy;

import java.util.Set;

/**
 * How many approvals an environment requires before a change is recorded, and from which roles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param required how many distinct approvers are needed, at least zero
 * @param from the roles whose holders' approvals count
 * @param signed whether every approval must be signed by one of the approver's registered keys
 */
public record ApprovalRule(int required, Set<String> from, boolean signed) {
    /**
     * Validates and copies.
     *
     * @param required see the record component
     * @param from see the record component
     * @param signed see the record component
     * @throws IllegalArgumentException if {@code required} is negative
     */
    public ApprovalRule {
        if (required < 0) {
            throw new IllegalArgumentException("required approvals " + required + ": must be at least 0");
        }
        from = Set.copyOf(from);
    }

    /**
     * Creates a rule that needs no signatures.
     *
     * @param required see the record component
     * @param from see the record component
     * @throws IllegalArgumentException if {@code required} is negative
     */
    public ApprovalRule(int required, Set<String> from) {
        this(required, from, false);
    }

    ApprovalRule plus(int extra) {
        return new ApprovalRule(required + extra, from, signed);
    }
}
