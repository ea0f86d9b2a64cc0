package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.CommitId;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.jspecify.annotations.Nullable;

/**
 * A file this host keeps for itself in Git, beside the synced refs: one unsigned commit without parents whose
 * tree holds the file, on a local ref that is never pushed or fetched. Each write replaces the commit with a
 * compare-and-swap of the ref; the commits it no longer names are garbage.
 */
public final class LocalFile {
    private static final PersonIdent WRITER = new PersonIdent(
            "service:countersign", "service-countersign@countersign.invalid", Instant.EPOCH, java.time.ZoneOffset.UTC);

    private LocalFile() {}

    /**
     * Writes the file, if the ref still points where it was seen.
     *
     * @param git the repository
     * @param ref the local ref
     * @param expected the commit the ref was seen at, or null when it did not exist
     * @param name the file's name in the commit's tree
     * @param content the file's content
     * @return true if written, false if the ref moved meanwhile
     */
    public static boolean write(GitStore git, String ref, @Nullable CommitId expected, String name, byte[] content) {
        TreeId tree = git.writeTree(null, Map.of(name, content));
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(ObjectId.fromString(tree.name()));
        builder.setAuthor(WRITER);
        builder.setCommitter(WRITER);
        builder.setMessage(name + "\n");
        CommitId commit = GitTrees.io(() -> {
            try (ObjectInserter inserter = git.repository().newObjectInserter()) {
                ObjectId id = inserter.insert(builder);
                inserter.flush();
                return GitStore.id(id);
            }
        });
        return git.compareAndSwap(ref, expected, commit, "write " + name);
    }
}
