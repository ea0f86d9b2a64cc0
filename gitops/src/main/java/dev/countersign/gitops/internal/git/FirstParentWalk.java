package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.CommitId;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jspecify.annotations.Nullable;

/**
 * The first-parent line of a {@link GitStore} handed out one commit at a time, newest first, as
 * {@link GitStore#firstParentLine} lists it, holding none of the commits already handed out: a long history is
 * walked in constant memory.
 */
public final class FirstParentWalk {
    private FirstParentWalk() {}

    /**
     * Walks the first-parent line from a commit back to the root or to a stop commit.
     *
     * @param git the repository
     * @param head where to start
     * @param stop where to stop (excluded), or null to walk to the root
     * @param each receives every commit, newest first
     * @return how many commits were walked
     */
    public static int walk(GitStore git, CommitId head, @Nullable CommitId stop, Consumer<CommitInfo> each) {
        ObjectId end = stop == null ? null : GitTrees.object(stop);
        return GitTrees.io(() -> {
            int walked = 0;
            try (RevWalk walk = new RevWalk(git.repository())) {
                RevCommit commit = walk.parseCommit(GitTrees.object(head));
                while (!commit.equals(end)) {
                    each.accept(GitStore.info(commit));
                    walked++;
                    commit.disposeBody();
                    if (commit.getParentCount() == 0) {
                        break;
                    }
                    commit = walk.parseCommit(commit.getParent(0));
                }
            }
            return walked;
        });
    }
}
