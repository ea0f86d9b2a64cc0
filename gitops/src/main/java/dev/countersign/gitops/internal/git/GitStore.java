package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A local Git repository on disk, seen as objects and refs only: it never touches a work tree or an index
 * file. Thread-safe: JGit's object database and ref database are.
 */
public final class GitStore extends GitTrees implements AutoCloseable {
    private final Path directory;
    private final @Nullable CommitSigner signer;
    private final ParsedBlobs parsed = new ParsedBlobs(this);

    private GitStore(Repository repository, Path directory, @Nullable CommitSigner signer) {
        super(repository);
        this.directory = directory;
        this.signer = signer;
    }

    /**
     * Opens the repository in a directory, creating an empty bare one if there is none.
     *
     * @param directory a bare repository, a work tree with {@code .git}, or an empty or missing folder
     * @return the opened store; close it when done
     */
    public static GitStore open(Path directory) {
        return open(directory, null);
    }

    /**
     * Opens the repository in a directory, creating an empty bare one if there is none, signing every commit
     * it writes.
     *
     * @param directory a bare repository, a work tree with {@code .git}, or an empty or missing folder
     * @param signer signs every commit written, or null to write unsigned commits
     * @return the opened store; close it when done
     */
    public static GitStore open(Path directory, @Nullable CommitSigner signer) {
        try {
            Path gitDir = directory.resolve(".git").toFile().isDirectory() ? directory.resolve(".git") : directory;
            Repository repository = new FileRepositoryBuilder()
                    .setGitDir(gitDir.toFile())
                    .setBare()
                    .build();
            if (!repository.getObjectDatabase().exists()) {
                repository.create(true);
                repository.updateRef(Constants.HEAD).link(Refs.MAIN);
            }
            return new GitStore(repository, gitDir, signer);
        } catch (IOException e) {
            throw new GitOpsException("cannot open Git repository at " + directory, e);
        }
    }

    /**
     * Returns the Git directory (where objects and refs live).
     *
     * @return the Git directory
     */
    public Path gitDirectory() {
        return directory;
    }

    Repository repository() {
        return repository;
    }

    /**
     * Returns this repository's files parsed once per blob: {@link ParsedBlobs}.
     *
     * @return the parsed files
     */
    public ParsedBlobs parsed() {
        return parsed;
    }

    /**
     * Resolves a ref to the commit it points at.
     *
     * @param ref a full ref name
     * @return the commit, or empty when the ref does not exist
     */
    public Optional<CommitId> resolve(String ref) {
        return io(() -> Optional.ofNullable(repository.exactRef(ref))
                .map(Ref::getObjectId)
                .map(GitStore::id));
    }

    /**
     * Resolves a revision expression (a commit id, an abbreviation, a ref) to a commit.
     *
     * @param revision the expression
     * @return the commit, or empty when it names nothing
     */
    public Optional<CommitId> resolveRevision(String revision) {
        return io(() ->
                Optional.ofNullable(repository.resolve(revision + "^{commit}")).map(GitStore::id));
    }

    /**
     * Lists the refs under a prefix.
     *
     * @param prefix a ref prefix such as {@code refs/countersign/proposals/}
     * @return ref name to commit, sorted by name
     */
    public SortedMap<String, CommitId> refs(String prefix) {
        SortedMap<String, CommitId> refs = new TreeMap<>();
        objectRefs(prefix).forEach((name, id) -> refs.put(name, id(id)));
        return refs;
    }

    SortedMap<String, ObjectId> objectRefs(String prefix) {
        return io(() -> {
            SortedMap<String, ObjectId> refs = new TreeMap<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                refs.put(ref.getName(), ref.getObjectId());
            }
            return refs;
        });
    }

    /**
     * Writes a commit object.
     *
     * @param tree the tree
     * @param parents the parent commits, first parent first
     * @param author who wrote the change
     * @param committer who recorded it
     * @param message the full message, trailers included
     * @return the new commit, signed when the store has a signer
     */
    public CommitId commit(
            TreeId tree, List<CommitId> parents, PersonIdent author, PersonIdent committer, String message) {
        CommitBuilder builder = new CommitBuilder();
        builder.setTreeId(ObjectId.fromString(tree.name()));
        builder.setParentIds(parents.stream().map(GitStore::object).toArray(ObjectId[]::new));
        builder.setAuthor(author);
        builder.setCommitter(committer);
        builder.setMessage(message);
        return io(() -> {
            if (signer != null) {
                builder.setGpgSignature(new GpgSignature(signer.sign(builder.build(), committer.getWhenAsInstant())));
            }
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                ObjectId id = inserter.insert(builder);
                inserter.flush();
                return id(id);
            }
        });
    }

    /**
     * Reads a commit object's raw bytes, as {@code git cat-file commit} prints them.
     *
     * @param commit the commit
     * @return its bytes, headers (a signature included) and message
     */
    public byte[] rawCommit(CommitId commit) {
        return io(() -> repository.open(object(commit), Constants.OBJ_COMMIT).getCachedBytes());
    }

    /**
     * Moves a ref from an expected commit to a new one, atomically: compare and swap.
     *
     * @param ref the full ref name
     * @param expected the commit the ref must point at now, or null if it must not exist
     * @param target the commit to point it at
     * @param reason the reflog message
     * @return true if the ref moved, false if it no longer pointed at {@code expected} (a lost race)
     */
    public boolean compareAndSwap(String ref, @Nullable CommitId expected, CommitId target, String reason) {
        return io(() -> {
            RefUpdate update = repository.updateRef(ref);
            update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : object(expected));
            update.setNewObjectId(object(target));
            update.setForceUpdate(true);
            update.setRefLogMessage(reason, false);
            return Refs.succeeded(update.update());
        });
    }

    /**
     * Reads a commit's metadata.
     *
     * @param commit the commit
     * @return its parents, message and identities
     */
    public CommitInfo commitInfo(CommitId commit) {
        return io(() -> {
            try (RevWalk walk = new RevWalk(repository)) {
                return info(walk.parseCommit(object(commit)));
            }
        });
    }

    /**
     * Walks the first-parent line from a commit back to the root or to a stop commit.
     *
     * @param head where to start
     * @param stop where to stop (excluded), or null to walk to the root
     * @return the commits, newest first
     */
    public List<CommitInfo> firstParentLine(CommitId head, @Nullable CommitId stop) {
        ObjectId end = stop == null ? null : object(stop);
        return io(() -> {
            List<CommitInfo> line = new ArrayList<>();
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(object(head));
                while (!commit.equals(end)) {
                    line.add(info(commit));
                    if (commit.getParentCount() == 0) {
                        break;
                    }
                    commit = walk.parseCommit(commit.getParent(0));
                }
            }
            return line;
        });
    }

    /**
     * Tells whether one commit is an ancestor of (or equal to) another.
     *
     * @param ancestor the presumed ancestor
     * @param descendant the presumed descendant
     * @return true if {@code ancestor} is reachable from {@code descendant}
     */
    public boolean isAncestor(CommitId ancestor, CommitId descendant) {
        return io(() -> {
            try (RevWalk walk = new RevWalk(repository)) {
                return walk.isMergedInto(walk.parseCommit(object(ancestor)), walk.parseCommit(object(descendant)));
            }
        });
    }

    /**
     * Deletes a ref if it still points where it was seen.
     *
     * @param ref the ref
     * @param expected the commit it was seen at
     * @return true if deleted (or already gone)
     */
    public boolean delete(String ref, CommitId expected) {
        return io(() -> {
            RefUpdate update = repository.updateRef(ref);
            update.setExpectedOldObjectId(object(expected));
            update.setForceUpdate(true);
            return List.of(RefUpdate.Result.FORCED, RefUpdate.Result.NO_CHANGE).contains(update.delete());
        });
    }

    static CommitId id(ObjectId id) {
        return new CommitId(id.name());
    }

    static CommitInfo info(RevCommit commit) {
        return new CommitInfo(
                id(commit),
                Arrays.stream(commit.getParents()).map(GitStore::id).toList(),
                commit.getAuthorIdent().getName(),
                commit.getCommitterIdent().getName(),
                commit.getCommitterIdent().getWhenAsInstant(),
                commit.getFullMessage(),
                Trailers.parse(commit.getFullMessage()));
    }

    @Override
    public void close() {
        repository.close();
    }
}
