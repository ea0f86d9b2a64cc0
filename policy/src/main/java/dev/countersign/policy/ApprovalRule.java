package dev.countersign.policy;

import java.util.Set;

/**
 * How many approvals an environment requires before a change is recorded, and from which roles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param required how many distinct approvers are needed, at least zero
 * @param from the roles whose holders' approvals count
 */
public record ApprovalRule(int required, Set<String> from) {
    /**
     * Validates and copies.
     *
     * @param required see the record component
     * @param from see the record component
     *
     * @throws IllegalArgumentException if {@code required} is negative
     */
    public ApprovalRule {
        if (required < 0) {
            throw new IllegalArgumentException("required approvals " + required + ": must be at least 0");
        }
        from = Set.copyOf(from);
    }

    ApprovalRule plus(int extra) {
        return new ApprovalRule(required + extra, from);
    }
}
