package dev.countersign.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Counts the approvals that are valid for a record request and compares them with what is required. */
final class ApprovalCount {
    private final Evaluation evaluation;
    private final ApprovalRule rule;
    private final boolean elevated;
    private final List<Reason> discounted = new ArrayList<>();

    ApprovalCount(Evaluation evaluation, int extra, boolean elevated) {
        this.evaluation = evaluation;
        ApprovalRule base =
                evaluation.policy.approvals(evaluation.environment()).plus(extra);
        this.rule = elevated ? elevate(evaluation.policy, base) : base;
        this.elevated = elevated;
    }

    private static ApprovalRule elevate(Policy policy, ApprovalRule base) {
        Set<String> roles = new TreeSet<>(base.from());
        roles.retainAll(policy.rolesGranting(Action.UNPROTECT));
        return new ApprovalRule(
                Math.max(1, base.required()), roles.isEmpty() ? policy.rolesGranting(Action.UNPROTECT) : roles);
    }

    Decision decide(List<Reason> notes) {
        Set<String> counted = countedApprovers();
        int missing = Math.max(0, rule.required() - counted.size());
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(BuiltInRule.APPROVALS.id(), summary(counted)));
        reasons.addAll(notes);
        reasons.addAll(discounted);
        Decision.Outcome outcome = missing == 0 ? Decision.Outcome.ALLOW : Decision.Outcome.NEEDS_APPROVALS;
        return new Decision(outcome, missing, rule.from(), reasons, evaluation.policy.hash());
    }

    private String summary(Set<String> counted) {
        return counted.size() + " of " + rule.required() + " required approvals from " + new TreeSet<>(rule.from())
                + (counted.isEmpty() ? "" : ": " + String.join(", ", counted));
    }

    private Set<String> countedApprovers() {
        Set<String> counted = new LinkedHashSet<>();
        for (Approval approval : evaluation.request.approvals()) {
            Reason why = discount(approval);
            if (why == null) {
                counted.add(approval.approver().name());
            } else {
                discounted.add(why);
            }
        }
        return counted;
    }

    private @Nullable Reason discount(Approval approval) {
        Principal approver = approval.approver();
        PolicyRequest request = evaluation.request;
        Principal proposer = Objects.requireNonNull(request.proposer());
        if (approver.isAgent()) {
            return discounted(BuiltInRule.AGENT_LIMITS, approver, "agents never approve");
        }
        if (!approval.contentHash().equals(request.contentHash())) {
            return discounted(
                    BuiltInRule.APPROVAL_HASH,
                    approver,
                    "it was given for " + approval.contentHash() + ", not for this content " + request.contentHash());
        }
        if (elevated && approver.kind() != Principal.Kind.HUMAN) {
            return discounted(BuiltInRule.PROTECTION, approver, "an unprotect change is approved by humans only");
        }
        if (approver.involves(proposer)) {
            return discounted(
                    BuiltInRule.SELF_APPROVAL,
                    approver,
                    "nobody approves a proposal they made or that was made on their behalf (proposer " + proposer
                            + ")");
        }
        return roleProblem(approver);
    }

    private @Nullable Reason roleProblem(Principal approver) {
        String environment = evaluation.environment();
        if (!evaluation.policy.permissions(approver, environment).contains(Action.APPROVE)) {
            return discounted(BuiltInRule.PERMISSION, approver, "it may not approve in " + environment);
        }
        Set<String> roles = new TreeSet<>(evaluation.policy.roles(approver, environment));
        roles.retainAll(rule.from());
        return roles.isEmpty()
                ? discounted(
                        BuiltInRule.APPROVALS, approver, "it holds none of the roles " + new TreeSet<>(rule.from()))
                : null;
    }

    private static Reason discounted(BuiltInRule rule, Principal approver, String why) {
        return Reason.of(rule.id(), "approval by " + approver + " does not count: " + why);
    }
}
