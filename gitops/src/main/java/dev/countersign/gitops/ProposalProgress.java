package dev.countersign.gitops;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a revision stands.
 *
 * @param state the lifecycle state
 * @param draft the commit holding the draft, or null before it is written
 * @param approvals every approval given, valid or void
 * @param decisions every policy decision taken, in order
 * @param recorded the main-line commit that recorded it, or null
 * @param supersededBy the revision that replaced this one, or null
 */
public record ProposalProgress(
        ProposalState state,
        @Nullable CommitId draft,
        List<Countersignature> approvals,
        List<RecordedDecision> decisions,
        @Nullable CommitId recorded,
        @Nullable String supersededBy) {

    /**
     * Copies the lists.
     *
     * @param state see the record component
     * @param draft see the record component
     * @param approvals see the record component
     * @param decisions see the record component
     * @param recorded see the record component
     * @param supersededBy see the record component
     */
    public ProposalProgress {
        approvals = List.copyOf(approvals);
        decisions = List.copyOf(decisions);
    }

    /**
     * Returns the progress of a revision about to be proposed.
     *
     * @return a draft without a commit, approvals or decisions
     */
    public static ProposalProgress drafting() {
        return new ProposalProgress(ProposalState.DRAFT, null, List.of(), List.of(), null, null);
    }

    /**
     * Returns this progress in another state.
     *
     * @param next the state the state machine decided
     * @return the copy
     */
    public ProposalProgress in(ProposalState next) {
        return new ProposalProgress(next, draft, approvals, decisions, recorded, supersededBy);
    }

    /**
     * Returns this progress with its draft written.
     *
     * @param commit the draft commit
     * @return the copy
     */
    public ProposalProgress drafted(CommitId commit) {
        return new ProposalProgress(state, commit, approvals, decisions, recorded, supersededBy);
    }

    /**
     * Returns this progress with one more decision, and the approval it granted, if any.
     *
     * @param decision the decision
     * @param approval the approval, or null
     * @return the copy
     */
    public ProposalProgress decided(RecordedDecision decision, @Nullable Countersignature approval) {
        List<RecordedDecision> moreDecisions = new ArrayList<>(decisions);
        moreDecisions.add(decision);
        List<Countersignature> moreApprovals = new ArrayList<>(approvals);
        if (approval != null) {
            moreApprovals.add(approval);
        }
        return new ProposalProgress(state, draft, moreApprovals, moreDecisions, recorded, supersededBy);
    }

    /**
     * Returns this progress with the commit that recorded it.
     *
     * @param commit the recording commit
     * @return the copy
     */
    public ProposalProgress recordedAs(CommitId commit) {
        return new ProposalProgress(state, draft, approvals, decisions, commit, supersededBy);
    }

    /**
     * Returns this progress with the revision that replaced it.
     *
     * @param newer the newer revision's id
     * @return the copy
     */
    public ProposalProgress supersededBy(String newer) {
        return new ProposalProgress(state, draft, approvals, decisions, recorded, newer);
    }
}
