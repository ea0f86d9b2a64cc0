package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one proposal revision as stored in Git: who proposed what, for which environment, on
 * which base, and where it stands. Immutable; read it again after an action.
 *
 * @param id the proposal id (also its branch {@code drafts/<id>})
 * @param environment the target environment
 * @param stack the stack's name; empty for an environment change ({@link #isEnvironmentChange()})
 * @param proposer the proposing principal, with the human it acts for if any
 * @param rationale why it was proposed
 * @param evidence links or notes backing the rationale
 * @param baseCommit the main-line commit the draft starts from
 * @param draftCommit the commit holding the draft
 * @param contentHash the hash every approval binds to
 * @param changedPaths the repository paths the draft changes
 * @param state the lifecycle state
 * @param approvals every approval given, valid or void
 * @param decisions every policy decision taken, in order
 * @param recordedCommit the main-line commit that recorded it, or null
 * @param supersedes the revision this one replaced, or null
 * @param supersededBy the revision that replaced this one, or null
 * @param reverts the recorded commit this proposal reverts, or null
 * @param createdAt when it was proposed
 */
public record Proposal(
        String id,
        String environment,
        String stack,
        Principal proposer,
        String rationale,
        List<String> evidence,
        String baseCommit,
        String draftCommit,
        String contentHash,
        List<String> changedPaths,
        ProposalState state,
        List<Countersignature> approvals,
        List<RecordedDecision> decisions,
        @Nullable String recordedCommit,
        @Nullable String supersedes,
        @Nullable String supersededBy,
        @Nullable String reverts,
        Instant createdAt) {

    /**
     * Copies the lists.
     *
     * @param id see the record component
     * @param environment see the record component
     * @param stack see the record component
     * @param proposer see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     * @param baseCommit see the record component
     * @param draftCommit see the record component
     * @param contentHash see the record component
     * @param changedPaths see the record component
     * @param state see the record component
     * @param approvals see the record component
     * @param decisions see the record component
     * @param recordedCommit see the record component
     * @param supersedes see the record component
     * @param supersededBy see the record component
     * @param reverts see the record component
     * @param createdAt see the record component
     */
    public Proposal {
        evidence = List.copyOf(evidence);
        changedPaths = List.copyOf(changedPaths);
        approvals = List.copyOf(approvals);
        decisions = List.copyOf(decisions);
    }

    /**
     * Returns the approvals that still count: bound to this revision's id, content hash and base.
     *
     * @return the valid approvals, in the order given
     */
    public List<Countersignature> validApprovals() {
        return approvals.stream()
                .filter(a -> a.proposal().equals(id)
                        && a.contentHash().equals(contentHash)
                        && a.baseCommit().equals(baseCommit))
                .toList();
    }

    /**
     * Tells whether this proposal changes its environment's definition (renderer, Flux or Argo CD options,
     * cluster, variables), rendering every stack of the environment again, rather than one stack.
     *
     * @return true when {@link #stack()} is empty
     */
    public boolean isEnvironmentChange() {
        return stack.isEmpty();
    }

    /**
     * Returns the recording commit, once recorded.
     *
     * @return the commit id, or empty
     */
    public Optional<String> recorded() {
        return Optional.ofNullable(recordedCommit);
    }
}
