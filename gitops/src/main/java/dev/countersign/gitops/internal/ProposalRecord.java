package dev.countersign.gitops.internal;

import dev.countersign.gitops.ProposalState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of one proposal revision as stored in Git ({@code proposal.json} on its metadata ref).
 * Principals are written {@code kind:id}. Immutable: every change makes a new record.
 *
 * @param id the proposal id
 * @param environment the target environment
 * @param stack the stack's name; empty for an environment change, whose subject is the environment file
 * @param proposer the proposing principal
 * @param onBehalfOf the human an agent proposes for, if any
 * @param rationale why the change is proposed
 * @param evidence links or notes backing the rationale
 * @param baseCommit the main-line commit the draft starts from
 * @param draftCommit the commit on {@code drafts/<id>} holding the draft
 * @param contentHash the hash approvals bind to
 * @param changedPaths the paths the draft changes relative to its base
 * @param reverts the recorded commit this proposal reverts, if it is a revert
 * @param supersedes the revision this one replaces, if any
 * @param supersededBy the revision that replaced this one, if any
 * @param state the lifecycle state
 * @param approvals the approvals, each bound to a content hash and base
 * @param decisions the policy decisions taken on this proposal, in order
 * @param recordedCommit the main-line commit that recorded it, once recorded
 * @param createdAt when it was proposed
 */
public record ProposalRecord(
        String id,
        String environment,
        String stack,
        String proposer,
        @Nullable String onBehalfOf,
        String rationale,
        List<String> evidence,
        String baseCommit,
        String draftCommit,
        String contentHash,
        List<String> changedPaths,
        @Nullable String reverts,
        @Nullable String supersedes,
        @Nullable String supersededBy,
        ProposalState state,
        List<ApprovalRecord> approvals,
        List<DecisionRecord> decisions,
        @Nullable String recordedCommit,
        Instant createdAt) {

    /**
     * One approval, bound to what was approved.
     *
     * @param approver the approving principal
     * @param proposal the proposal id approved
     * @param contentHash the content hash approved
     * @param baseCommit the base approved
     * @param at when
     * @param signature the approver's OpenPGP signature over the approval statement (base64), or null when
     *     the approval is unsigned
     */
    public record ApprovalRecord(
            String approver,
            String proposal,
            String contentHash,
            String baseCommit,
            Instant at,
            @Nullable String signature) {}

    /**
     * One policy decision on the proposal.
     *
     * @param action what was asked, such as {@code approve}
     * @param principal who asked
     * @param verdict the verdict
     * @param rule the deciding rule
     * @param explanation the decision explained
     * @param policyHash the hash of the policy in force
     * @param at when
     */
    public record DecisionRecord(
            String action,
            String principal,
            String verdict,
            String rule,
            String explanation,
            String policyHash,
            Instant at) {}

    /**
     * Returns a copy in a new state.
     *
     * @param next the new state
     * @return the copy
     */
    public ProposalRecord withState(ProposalState next) {
        return new ProposalRecord(
                id,
                environment,
                stack,
                proposer,
                onBehalfOf,
                rationale,
                evidence,
                baseCommit,
                draftCommit,
                contentHash,
                changedPaths,
                reverts,
                supersedes,
                supersededBy,
                next,
                approvals,
                decisions,
                recordedCommit,
                createdAt);
    }

    /**
     * Returns a copy pointing at its draft commit.
     *
     * @param commit the draft commit
     * @return the copy
     */
    public ProposalRecord withDraft(String commit) {
        return new ProposalRecord(
                id,
                environment,
                stack,
                proposer,
                onBehalfOf,
                rationale,
                evidence,
                baseCommit,
                commit,
                contentHash,
                changedPaths,
                reverts,
                supersedes,
                supersededBy,
                state,
                approvals,
                decisions,
                recordedCommit,
                createdAt);
    }

    /**
     * Returns a copy with one more decision, and one more approval when given.
     *
     * @param decision the decision
     * @param approval the approval it granted, or null
     * @return the copy
     */
    public ProposalRecord with(DecisionRecord decision, @Nullable ApprovalRecord approval) {
        List<DecisionRecord> moreDecisions = new ArrayList<>(decisions);
        moreDecisions.add(decision);
        List<ApprovalRecord> moreApprovals = new ArrayList<>(approvals);
        if (approval != null) {
            moreApprovals.add(approval);
        }
        return new ProposalRecord(
                id,
                environment,
                stack,
                proposer,
                onBehalfOf,
                rationale,
                evidence,
                baseCommit,
                draftCommit,
                contentHash,
                changedPaths,
                reverts,
                supersedes,
                supersededBy,
                state,
                List.copyOf(moreApprovals),
                List.copyOf(moreDecisions),
                recordedCommit,
                createdAt);
    }

    /**
     * Returns a copy that is recorded by a main-line commit.
     *
     * @param commit the recording commit
     * @return the copy, in the same state
     */
    public ProposalRecord recordedAs(String commit) {
        return new ProposalRecord(
                id,
                environment,
                stack,
                proposer,
                onBehalfOf,
                rationale,
                evidence,
                baseCommit,
                draftCommit,
                contentHash,
                changedPaths,
                reverts,
                supersedes,
                supersededBy,
                state,
                approvals,
                decisions,
                commit,
                createdAt);
    }

    /**
     * Returns a copy replaced by a newer revision.
     *
     * @param newer the newer revision's id
     * @return the copy, in the same state
     */
    public ProposalRecord supersededBy(String newer) {
        return new ProposalRecord(
                id,
                environment,
                stack,
                proposer,
                onBehalfOf,
                rationale,
                evidence,
                baseCommit,
                draftCommit,
                contentHash,
                changedPaths,
                reverts,
                supersedes,
                newer,
                state,
                approvals,
                decisions,
                recordedCommit,
                createdAt);
    }

    /**
     * Tells whether this proposal changes its environment's definition (and re-renders every stack recorded in
     * it) rather than one stack.
     *
     * @return true when {@link #stack()} is empty
     */
    public boolean isEnvironmentChange() {
        return stack.isEmpty();
    }

    /**
     * Returns the path the proposal changes: the stack folder, or the environment file.
     *
     * @return the path
     */
    public String changedFolder() {
        return isEnvironmentChange() ? Layout.environmentFile(environment) : Layout.stackFolder(environment, stack);
    }

    /**
     * Returns what the proposal changes, for messages: {@code <env>/<stack>}, or {@code <env> (environment)}.
     *
     * @return the subject
     */
    public String subject() {
        return isEnvironmentChange() ? environment + " (environment)" : environment + "/" + stack;
    }

    /**
     * Returns the approvals bound to this revision's id, content hash and base; others are void.
     *
     * @return the valid approvals
     */
    public List<ApprovalRecord> validApprovals() {
        return approvals.stream()
                .filter(a -> a.proposal().equals(id)
                        && a.contentHash().equals(contentHash)
                        && a.baseCommit().equals(baseCommit))
                .toList();
    }
}
