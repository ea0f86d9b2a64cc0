package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Transitions;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.policy.Principal;
import java.util.Optional;

/**
 * The contract's own rules, which no policy can relax: only humans approve, nobody approves their own or
 * their delegator's proposal or approves twice, and only the proposer revises or withdraws. Pure functions.
 */
final class ContractRules {
    private ContractRules() {}

    /**
     * Applies the approval rules.
     *
     * @param r the proposal
     * @param approver the would-be approver
     * @return a denial, or empty when the contract has no objection
     */
    static Optional<Ruling> onApproval(Proposal r, Principal approver) {
        String principal = approver.name();
        Principal proposer = r.proposer();
        Principal delegator = proposer.onBehalfOf();
        if (approver.kind() != Principal.Kind.HUMAN) {
            return deny("humans-approve", principal + " is not a human: only humans approve");
        }
        if (principal.equals(proposer.name())) {
            return deny("no-self-approval", principal + " proposed " + r.id() + " and cannot approve it");
        }
        if (delegator != null && principal.equals(delegator.name())) {
            return deny(
                    "no-self-approval",
                    principal + " delegated " + r.id() + " to " + proposer.name() + " and cannot approve it");
        }
        if (r.validApprovals().stream().anyMatch(a -> a.approver().name().equals(principal))) {
            return deny("one-approval-each", principal + " already approved " + r.id());
        }
        return Optional.empty();
    }

    /**
     * Refuses anyone but the proposer.
     *
     * @param r the proposal
     * @param principal who acts
     * @param action the action, such as {@code revise}
     * @throws ActionDeniedException with rule {@code proposer-only} if {@code principal} did not propose it
     */
    static void requireProposer(Proposal r, Principal principal, String action) {
        String proposer = r.proposer().name();
        if (!principal.name().equals(proposer)) {
            throw new ActionDeniedException(
                    action,
                    principal.name(),
                    "proposer-only",
                    "only " + proposer + ", who proposed " + r.id() + ", may " + action + " it");
        }
    }

    /**
     * Refuses an event the state does not take at all, before anyone is asked.
     *
     * @throws IllegalTransitionException if {@code state} does not take {@code event}
     */
    static void requireOpen(ProposalState state, ProposalEvent event) {
        if (!Transitions.takes(state, event)) {
            throw new IllegalTransitionException(state, event);
        }
    }

    private static Optional<Ruling> deny(String rule, String explanation) {
        return Optional.of(new Ruling(Verdict.DENY, rule, explanation));
    }
}
