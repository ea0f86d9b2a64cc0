package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.ApproverKey;
import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The policy in force at one commit, as the lifecycle asks it. The lifecycle enforces the contract's own
 * rules (agents never approve, nobody approves their own or their delegator's proposal) before asking.
 */
public interface Authority {

    /**
     * One question to policy.
     *
     * @param action the action: propose, approve, reject, withdraw or record (held during a freeze)
     * @param principal who acts, with the human it acts for, if any
     * @param proposal the proposal acted on (for a proposal being created, its would-be revision, without a
     *     draft commit)
     * @param approvals the approvals counted, including the one given now, each with the content hash its
     *     approver approved (as recorded, not the proposal's current hash)
     * @param at when the action happens
     * @param proposedText the proposed {@code stack.yaml} (for an environment change, the proposed environment
     *     file) when it is not yet written to Git, else null
     */
    record Ask(
            Action action,
            Principal principal,
            Proposal proposal,
            List<Approval> approvals,
            Instant at,
            @Nullable String proposedText) {

        /**
         * Asks a question.
         *
         * @param action the action
         * @param principal who acts
         * @param proposal the proposal acted on
         * @param approvals the approvals counted
         * @param at when the action happens
         * @param proposedText the proposed file when not yet in Git, else null
         */
        public Ask {
            approvals = List.copyOf(approvals);
        }

        /**
         * Asks about a proposal whose draft is already in Git.
         *
         * @param action the action
         * @param principal who acts
         * @param proposal the proposal acted on
         * @param approvals the approvals counted
         * @param at when the action happens
         */
        public Ask(Action action, Principal principal, Proposal proposal, List<Approval> approvals, Instant at) {
            this(action, principal, proposal, approvals, at, null);
        }

        /**
         * Returns who gave the approvals counted, in order.
         *
         * @return the approvers
         */
        public List<Principal> approvers() {
            return CountedApprovals.approvers(approvals);
        }
    }

    /**
     * A policy answer.
     *
     * @param verdict allow, hold or deny
     * @param rule the deciding rule
     * @param explanation the decision explained, without secret values
     */
    record Ruling(Verdict verdict, String rule, String explanation) {
        /**
         * Returns the refusal of an action this ruling denied.
         *
         * @param action the action refused, such as {@code approve}
         * @param principal who was refused
         * @return the exception to throw
         */
        public ActionDeniedException refusal(String action, String principal) {
            return new ActionDeniedException(action, principal, rule, explanation);
        }

        /**
         * Returns this ruling explained in other words, when words are given.
         *
         * @param reason the explanation to record, or blank to keep this one
         * @return the ruling
         */
        public Ruling explainedAs(String reason) {
            return reason.isBlank() ? this : new Ruling(verdict, rule, reason);
        }
    }

    /**
     * Returns the hash of the policy in force, recorded with every decision.
     *
     * @return {@code sha256:...}
     */
    String policyHash();

    /**
     * Tells whether every approval in an environment must be signed by one of the approver's registered
     * keys ({@code approvals.signed: true}).
     *
     * @param environment the environment
     * @return true when approvals there need a signature
     */
    default boolean signedApprovals(String environment) {
        return false;
    }

    /**
     * Returns the public keys registered for an approver ({@code spec.approverKeys}).
     *
     * @param approver the approver
     * @return the keys; empty when none are registered
     */
    default List<ApproverKey> approverKeys(Principal approver) {
        return List.of();
    }

    /**
     * Returns how many more approvals a proposal needs before it may be recorded, and from which roles, as
     * asked by its last approver; an authority that cannot tell answers none missing.
     *
     * @param ask the record question, with the approvals counted so far
     * @return the approvals still missing
     */
    default Shortfall shortfall(Ask ask) {
        return new Shortfall(0, java.util.Set.of());
    }

    /**
     * The approvals a proposal still lacks.
     *
     * @param approvals how many more approvals are needed; zero when enough were given
     * @param roles the roles whose holders' approvals would count
     */
    record Shortfall(int approvals, java.util.Set<String> roles) {}

    /**
     * Decides one question.
     *
     * @param ask the question
     * @return the answer
     */
    Ruling decide(Ask ask);

    /** Opens the authority in force at a commit (the policy file in that commit's tree). */
    @FunctionalInterface
    interface Source {
        /**
         * Returns the authority in force at a commit.
         *
         * @param git the repository
         * @param commit the commit whose policy is in force
         * @return the authority
         */
        Authority at(GitStore git, CommitId commit);
    }
}
