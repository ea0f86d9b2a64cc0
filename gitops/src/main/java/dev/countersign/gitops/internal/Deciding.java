package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.Transitions;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.approvals.ApprovalSigning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Approve, reject and withdraw: the contract's rules, then policy, decide; the state machine computes the
 * new state; the decision is stored with the proposal. An approval that makes the proposal approved records
 * it at once ({@link Recording}). Thread-safe.
 */
public final class Deciding {
    private static final int ATTEMPTS = 20;

    private final Ledger ledger;
    private final Recording recording;

    /**
     * Creates the verbs.
     *
     * @param ledger the ledger
     * @param recording the recording that follows an approval
     */
    public Deciding(Ledger ledger, Recording recording) {
        this.ledger = ledger;
        this.recording = recording;
    }

    /**
     * Approves a proposal's current content, signed by the approver when a signing is given; records it at once
     * when policy allows. The signature covers the {@link ApprovalStatement} of this revision; where the
     * environment requires signed approvals, an approval without a valid signature by one of the approver's
     * registered keys is refused ({@code signed-approvals}) before anything is written. The draft is checked
     * before signing ({@link DraftEdits}): a draft that writes outside its stack's or environment's region is
     * refused, and the statement binds every path and blob the record will write.
     *
     * @param id the proposal
     * @param principal the approver
     * @param approverKey how the approver signs, or null for an unsigned approval
     * @return the proposal after the approval (and the record, if it happened)
     * @throws ActionDeniedException if the approver may not approve it
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public Proposal approve(String id, Principal principal, @Nullable ApprovalSigning approverKey) {
        return ledger.transact(() -> {
            Proposal approved = approveOnce(id, principal, approverKey);
            return approved.state() == ProposalState.APPROVED ? recording.recordLocked(id, principal) : approved;
        });
    }

    /**
     * Approves a proposal's current content without a signature.
     *
     * @param id the proposal
     * @param principal the approver
     * @return the proposal after the approval (and the record, if it happened)
     * @throws ActionDeniedException if the approver may not approve it
     */
    public Proposal approve(String id, Principal principal) {
        return approve(id, principal, null);
    }

    /**
     * Returns the statement an approver signs to approve a proposal's current revision.
     *
     * @param id the proposal
     * @param principal the approver
     * @return the exact statement bytes
     */
    public byte[] statement(String id, Principal principal) {
        return ApprovalStatement.of(ledger.git(), ledger.load(id).proposal(), principal.name())
                .bytes();
    }

    /**
     * Rejects a proposal.
     *
     * @param id the proposal
     * @param principal the reviewer
     * @param reason why, recorded with the decision
     * @return the rejected proposal
     */
    public Proposal reject(String id, Principal principal, String reason) {
        return ledger.transact(() -> decide(ledger.load(id), ProposalEvent.REJECT, Action.REJECT, principal, reason));
    }

    /**
     * Withdraws a proposal.
     *
     * @param id the proposal
     * @param principal who withdraws; must be its proposer
     * @return the withdrawn proposal
     */
    public Proposal withdraw(String id, Principal principal) {
        return ledger.transact(() -> {
            Stored stored = ledger.load(id);
            ContractRules.requireProposer(stored.proposal(), principal, "withdraw");
            return decide(stored, ProposalEvent.WITHDRAW, Action.WITHDRAW, principal, "");
        });
    }

    private Proposal approveOnce(String id, Principal principal, @Nullable ApprovalSigning approverKey) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored stored = ledger.load(id);
            Proposal r = stored.proposal();
            ContractRules.requireOpen(r.state(), ProposalEvent.APPROVE);
            Instant now = RecordTime.latest(ledger.now(), r.createdAt());
            Authority authority = ledger.authorityAt(ledger.mainHead());
            Ruling ruling = ContractRules.onApproval(r, principal)
                    .orElseGet(() ->
                            authority.decide(new Ask(Action.APPROVE, principal, r, approversWith(r, principal), now)));
            RecordedDecision decision = ledger.decision(Action.APPROVE, principal, ruling, authority);
            if (ruling.verdict() == Verdict.DENY) {
                ledger.write(stored, r.with(r.progress().decided(decision, null)), "approve denied");
                throw ruling.refusal("approve", principal.name());
            }
            DraftEdits edits = DraftEdits.of(ledger.git(), r, "approve", principal.name());
            byte[] statement =
                    ApprovalStatement.of(r, edits.digest(), principal.name()).bytes();
            String signature = SignedApprovals.prove(r, principal, authority, approverKey, now, statement);
            Countersignature approval =
                    new Countersignature(principal, r.id(), r.contentHash(), r.baseCommit(), now, signature);
            Proposal next = r.with(r.progress()
                    .decided(decision, approval)
                    .in(Transitions.next(r.state(), ProposalEvent.APPROVE, ruling.verdict())));
            if (ledger.write(stored, next, "approve by " + principal.name())) {
                return next;
            }
        }
        throw Ledger.lostRaces(id);
    }

    private static List<Approval> approversWith(Proposal r, Principal principal) {
        List<Approval> approvals = new ArrayList<>(CountedApprovals.of(r.validApprovals()));
        approvals.add(new Approval(principal, r.contentHash()));
        return approvals;
    }

    private Proposal decide(Stored stored, ProposalEvent event, Action action, Principal principal, String reason) {
        Proposal r = stored.proposal();
        ContractRules.requireOpen(r.state(), event);
        Principal alone = new Principal(principal.kind(), principal.id(), null);
        Authority authority = ledger.authorityAt(ledger.mainHead());
        Ruling ruling = authority.decide(new Ask(action, alone, r, List.of(), ledger.now()));
        String verb = action.spelling();
        if (ruling.verdict() == Verdict.DENY) {
            throw ruling.refusal(verb, principal.name());
        }
        Proposal next = r.with(r.progress()
                .decided(ledger.decision(action, principal, ruling.explainedAs(reason), authority), null)
                .in(Transitions.next(r.state(), event, ruling.verdict())));
        return ledger.writeOrFail(stored, next, verb + " by " + principal.name());
    }
}
