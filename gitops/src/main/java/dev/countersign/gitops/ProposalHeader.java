package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a revision proposes; fixed once proposed.
 *
 * @param id the proposal id (also its branch {@code drafts/<id>})
 * @param subject the stack or the environment changed
 * @param proposer the proposing principal, with the human it acts for if any
 * @param rationale why it was proposed
 * @param evidence links or notes backing the rationale
 * @param base the main-line commit the draft starts from
 * @param contentHash the hash every approval binds to
 * @param changedPaths the repository paths the draft changes
 * @param reverts the recorded commit this proposal reverts, or null
 * @param supersedes the revision this one replaced, or null
 * @param createdAt when it was proposed
 * @param insight the observation the proposal answers, as its proposer filed it, or null
 */
public record ProposalHeader(
        String id,
        Subject subject,
        Principal proposer,
        String rationale,
        List<String> evidence,
        CommitId base,
        String contentHash,
        List<String> changedPaths,
        @Nullable CommitId reverts,
        @Nullable String supersedes,
        Instant createdAt,
        @Nullable Insight insight) {

    /**
     * Copies the lists.
     *
     * @param id see the record component
     * @param subject see the record component
     * @param proposer see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     * @param base see the record component
     * @param contentHash see the record component
     * @param changedPaths see the record component
     * @param reverts see the record component
     * @param supersedes see the record component
     * @param createdAt see the record component
     * @param insight see the record component
     */
    public ProposalHeader {
        evidence = List.copyOf(evidence);
        changedPaths = List.copyOf(changedPaths);
    }

    /**
     * Creates a header without an insight.
     *
     * @param id see the record component
     * @param subject see the record component
     * @param proposer see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     * @param base see the record component
     * @param contentHash see the record component
     * @param changedPaths see the record component
     * @param reverts see the record component
     * @param supersedes see the record component
     * @param createdAt see the record component
     */
    public ProposalHeader(
            String id,
            Subject subject,
            Principal proposer,
            String rationale,
            List<String> evidence,
            CommitId base,
            String contentHash,
            List<String> changedPaths,
            @Nullable CommitId reverts,
            @Nullable String supersedes,
            Instant createdAt) {
        this(
                id,
                subject,
                proposer,
                rationale,
                evidence,
                base,
                contentHash,
                changedPaths,
                reverts,
                supersedes,
                createdAt,
                null);
    }
}
