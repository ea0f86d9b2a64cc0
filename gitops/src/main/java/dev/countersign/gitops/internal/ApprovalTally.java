package dev.countersign.gitops.internal;

import dev.countersign.gitops.ApprovalOutcome;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Shortfall;
import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Decision;
import dev.countersign.policy.InvalidRequestException;
import dev.countersign.policy.Principal;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Tells an approver what their approval did: the approvals counted, those still missing, the state reached. */
public final class ApprovalTally {
    private ApprovalTally() {}

    /**
     * Returns the outcome of an approval just given.
     *
     * @param ledger the ledger the approval was written to
     * @param approved the proposal as the approval left it
     * @param approver who approved
     * @return the outcome; approvals are missing only while the proposal is still proposed
     */
    public static ApprovalOutcome of(Ledger ledger, Proposal approved, Principal approver) {
        List<Approval> approvals = CountedApprovals.of(approved.validApprovals());
        Shortfall missing = approved.state() == ProposalState.PROPOSED
                ? ledger.authorityAt(ledger.mainHead())
                        .shortfall(new Ask(Action.RECORD, approver, approved, approvals, ledger.now()))
                : new Shortfall(0, Set.of());
        return new ApprovalOutcome(
                approved, approvals.size(), missing.approvals(), missing.roles(), lastExplanation(approved));
    }

    /**
     * Returns the shortfall a policy decision on a record names.
     *
     * @param decision decides the record
     * @return the approvals it misses; none when the request cannot be judged
     */
    static Shortfall shortfall(Supplier<Decision> decision) {
        try {
            Decision enough = decision.get();
            return new Shortfall(enough.missingApprovals(), enough.approverRoles());
        } catch (InvalidRequestException e) {
            return new Shortfall(0, Set.of());
        }
    }

    private static String lastExplanation(Proposal proposal) {
        List<RecordedDecision> decisions = proposal.decisions();
        return decisions.isEmpty() ? "" : decisions.get(decisions.size() - 1).explanation();
    }
}
