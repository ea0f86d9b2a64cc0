package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.CommitId;
import java.time.Instant;
import java.util.List;

/**
 * What the gitops module reads from a commit object.
 *
 * @param id the commit
 * @param parents its parents, first parent first
 * @param authorName the author's name
 * @param committerName the committer's name
 * @param committedAt when it was committed
 * @param message the full message
 * @param trailers the trailers parsed from the message's last paragraph
 */
public record CommitInfo(
        CommitId id,
        List<CommitId> parents,
        String authorName,
        String committerName,
        Instant committedAt,
        String message,
        Trailers trailers) {

    /**
     * Returns the first line of the message.
     *
     * @return the subject
     */
    public String subject() {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
