package dev.countersign.gitops.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

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
        ObjectId id,
        List<ObjectId> parents,
        String authorName,
        String committerName,
        Instant committedAt,
        String message,
        Trailers trailers) {

    static CommitInfo of(RevCommit commit) {
        return new CommitInfo(
                commit.copy(),
                java.util.Arrays.stream(commit.getParents())
                        .map(ObjectId::copy)
                        .collect(Collectors.toUnmodifiableList()),
                commit.getAuthorIdent().getName(),
                commit.getCommitterIdent().getName(),
                commit.getCommitterIdent().getWhenAsInstant(),
                commit.getFullMessage(),
                Trailers.parse(commit.getFullMessage()));
    }

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
