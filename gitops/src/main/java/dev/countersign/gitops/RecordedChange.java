package dev.countersign.gitops;

import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.Trailers;
import java.time.Instant;
import java.util.List;

/**
 * One commit of {@code main} as the log shows it, with its Countersign trailers.
 *
 * @param commit the commit id
 * @param subject the first line of its message
 * @param author the author (the proposer, for a recorded change)
 * @param committedAt when it was recorded
 * @param proposal the proposal it records, or the empty string for a commit without one
 * @param approvers the approvers named in its trailers
 * @param contentHash the content hash in its trailers, or the empty string
 */
public record RecordedChange(
        String commit,
        String subject,
        String author,
        Instant committedAt,
        String proposal,
        List<String> approvers,
        String contentHash) {

    /**
     * Copies the approvers.
     *
     * @param commit see the record component
     * @param subject see the record component
     * @param author see the record component
     * @param committedAt see the record component
     * @param proposal see the record component
     * @param approvers see the record component
     * @param contentHash see the record component
     */
    public RecordedChange {
        approvers = List.copyOf(approvers);
    }

    static RecordedChange of(CommitInfo commit) {
        Trailers trailers = commit.trailers();
        return new RecordedChange(
                commit.id().name(),
                commit.subject(),
                commit.authorName(),
                commit.committedAt(),
                trailers.single(Trailers.PROPOSAL).orElse(""),
                trailers.all(Trailers.APPROVED_BY),
                trailers.single(Trailers.CONTENT_HASH).orElse(""));
    }
}
