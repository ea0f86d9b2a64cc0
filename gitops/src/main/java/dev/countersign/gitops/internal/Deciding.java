package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Action;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.ProposalRecord.ApprovalRecord;
import dev.countersign.gitops.internal.ProposalRecord.DecisionRecord;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * Approves a proposal's current content, signed with the approver's own key when one is given; records it
     * at once when policy allows. The signature covers the {@link ApprovalStatement} of this revision.
     *
     * @param id the proposal
     * @param principal the approver
     * @param approverKey the approver's key, or null for an unsigned approval
     * @return the proposal after the approval (and the record, if it happened)
     * @throws ActionDeniedException if the approver may not approve it
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public ProposalRecord approve(String id, String principal, @Nullable CommitSigner approverKey) {
        return ledger.transact(() -> {
            ProposalRecord approved = approveOnce(id, principal, approverKey);
            return approved.state() == ProposalState.APPROVED ? recording.recordLocked(id) : approved;
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
    public ProposalRecord approve(String id, String principal) {
        return approve(id, principal, null);
    }

    /**
     * Rejects a proposal.
     *
     * @param id the proposal
     * @param principal the reviewer
     * @param reason why, recorded with the decision
     * @return the rejected proposal
     */
    public ProposalRecord reject(String id, String principal, String reason) {
        return ledger.transact(() -> decide(ledger.load(id), ProposalEvent.REJECT, Action.REJECT, principal, reason));
    }

    /**
     * Withdraws a proposal.
     *
     * @param id the proposal
     * @param principal who withdraws; must be its proposer
     * @return the withdrawn proposal
     */
    public ProposalRecord withdraw(String id, String principal) {
        return ledger.transact(() -> {
            Stored stored = ledger.load(id);
            ContractRules.requireProposer(stored.record(), principal, "withdraw");
            return decide(stored, ProposalEvent.WITHDRAW, Action.WITHDRAW, principal, "");
        });
    }

    private ProposalRecord approveOnce(String id, String principal, @Nullable CommitSigner approverKey) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored stored = ledger.load(id);
            ProposalRecord r = stored.record();
            requireOpen(r.state(), ProposalEvent.APPROVE);
            Instant now = ledger.now();
            Authority authority = ledger.authorityAt(ledger.mainHead());
            Ruling ruling = ContractRules.onApproval(r, principal)
                    .orElseGet(() -> authority.decide(
                            new Ask(Action.APPROVE, principal, null, r, approversWith(r, principal), now)));
            DecisionRecord decision = ledger.decision(Action.APPROVE, principal, ruling, authority);
            if (ruling.verdict() == Verdict.DENY) {
                ledger.write(stored, r.with(decision, null), "approve denied");
                throw ruling.refusal("approve", principal);
            }
            ApprovalRecord approval = approval(r, principal, approverKey, now);
            ProposalRecord next =
                    r.with(decision, approval).withState(r.state().next(ProposalEvent.APPROVE, ruling.verdict()));
            if (ledger.write(stored, next, "approve by " + principal)) {
                return next;
            }
        }
        throw Ledger.lostRaces(id);
    }

    private static ApprovalRecord approval(
            ProposalRecord r, String principal, @Nullable CommitSigner approverKey, Instant now) {
        String signature = approverKey == null
                ? null
                : ApprovalSignatures.sign(approverKey, ApprovalStatement.of(r, principal), now);
        return new ApprovalRecord(principal, r.id(), r.contentHash(), r.baseCommit(), now, signature);
    }

    private static List<String> approversWith(ProposalRecord r, String principal) {
        List<String> approvers = new ArrayList<>();
        r.validApprovals().forEach(a -> approvers.add(a.approver()));
        approvers.add(principal);
        return approvers;
    }

    private ProposalRecord decide(Stored stored, ProposalEvent event, Action action, String principal, String reason) {
        ProposalRecord r = stored.record();
        requireOpen(r.state(), event);
        Authority authority = ledger.authorityAt(ledger.mainHead());
        Ruling ruling = authority.decide(new Ask(action, principal, null, r, List.of(), ledger.now()));
        String verb = action.name().toLowerCase(Locale.ROOT);
        if (ruling.verdict() == Verdict.DENY) {
            throw ruling.refusal(verb, principal);
        }
        ProposalRecord next = r.with(ledger.decision(action, principal, ruling.explainedAs(reason), authority), null)
                .withState(r.state().next(event, ruling.verdict()));
        return ledger.writeOrFail(stored, next, verb + " by " + principal);
    }

    /** Refuses an event the state does not take at all, before anyone is asked. */
    static void requireOpen(ProposalState state, ProposalEvent event) {
        if (!state.takes(event)) {
            throw new IllegalTransitionException(state, event);
        }
    }
}
