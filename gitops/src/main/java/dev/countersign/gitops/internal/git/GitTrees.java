package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.jspecify.annotations.Nullable;

/**
 * The trees of a {@code GitStore}: files read by commit and path, folders listed, trees written from edits, and
 * the paths two commits differ in. Thread-safe, as JGit's object database is.
 */
abstract class GitTrees {
    final Repository repository;

    GitTrees(Repository repository) {
        this.repository = repository;
    }

    /**
     * Writes a tree that is a base tree with some paths replaced or removed; untouched subtrees are reused.
     *
     * @param base the commit whose tree to start from, or null for the empty tree
     * @param edits path to new content, or to null to remove the path
     * @return the new tree
     */
    public TreeId writeTree(@Nullable CommitId base, Map<String, byte @Nullable []> edits) {
        return io(() -> {
            try (ObjectInserter inserter = repository.newObjectInserter();
                    ObjectReader reader = repository.newObjectReader()) {
                ObjectId tree = TreeEdits.apply(reader, inserter, base == null ? null : treeOf(base), edits);
                inserter.flush();
                return new TreeId(tree.name());
            }
        });
    }

    /**
     * Reads one file of a commit's tree.
     *
     * @param commit the commit
     * @param path the file's path
     * @return its content, or empty when the commit has no such file
     */
    public Optional<byte[]> read(CommitId commit, String path) {
        return io(() -> {
            try (ObjectReader reader = repository.newObjectReader();
                    TreeWalk walk = TreeWalk.forPath(reader, path, treeOf(commit))) {
                return walk == null
                        ? Optional.empty()
                        : Optional.of(reader.open(walk.getObjectId(0)).getBytes());
            }
        });
    }

    /**
     * Reads every file under a folder of a commit's tree.
     *
     * @param commit the commit
     * @param folder the folder's path, without trailing slash
     * @return path to content, sorted by path
     */
    public SortedMap<String, byte[]> readFolder(CommitId commit, String folder) {
        return readTreeFolder(tree(commit), folder);
    }

    /**
     * Reads every file under a folder of a tree.
     *
     * @param tree the tree
     * @param folder the folder's path, without trailing slash
     * @return path to content, sorted by path
     */
    public SortedMap<String, byte[]> readTreeFolder(TreeId tree, String folder) {
        return io(() -> {
            SortedMap<String, byte[]> files = new TreeMap<>();
            try (ObjectReader reader = repository.newObjectReader();
                    TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(ObjectId.fromString(tree.name()));
                walk.setRecursive(true);
                walk.setFilter(PathFilter.create(folder));
                while (walk.next()) {
                    files.put(
                            walk.getPathString(),
                            reader.open(walk.getObjectId(0)).getBytes());
                }
            }
            return files;
        });
    }

    /**
     * Lists the paths whose content differs between two commits.
     *
     * @param from the older commit, or null for the empty tree
     * @param to the newer commit
     * @return the changed paths, sorted
     */
    public List<String> changedPaths(@Nullable CommitId from, CommitId to) {
        return io(() -> {
            try (ObjectReader reader = repository.newObjectReader()) {
                return TreeEdits.changedPaths(reader, from == null ? null : treeOf(from), treeOf(to));
            }
        });
    }

    /**
     * Lists the names directly inside a folder of a commit, reading no file content.
     *
     * @param commit the commit
     * @param folder the folder's path, without trailing slash
     * @return the entry names, in tree order; empty when there is no such folder
     */
    public List<String> children(CommitId commit, String folder) {
        return io(() -> {
            try (ObjectReader reader = repository.newObjectReader();
                    TreeWalk walk = TreeWalk.forPath(reader, folder, treeOf(commit))) {
                if (walk == null || !walk.isSubtree()) {
                    return List.of();
                }
                List<String> names = new java.util.ArrayList<>();
                for (var parser = new org.eclipse.jgit.treewalk.CanonicalTreeParser(null, reader, walk.getObjectId(0));
                        !parser.eof();
                        parser.next()) {
                    names.add(parser.getEntryPathString());
                }
                return names;
            }
        });
    }

    /**
     * Returns the tree of a commit.
     *
     * @param commit the commit
     * @return its tree
     */
    public TreeId tree(CommitId commit) {
        return io(() -> new TreeId(treeOf(commit).name()));
    }

    ObjectId treeOf(CommitId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(object(commit)).getTree().getId();
        }
    }

    static ObjectId object(CommitId id) {
        return ObjectId.fromString(id.name());
    }

    static <T> T io(IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new GitOpsException("Git operation failed: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new GitOpsException("Git operation failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }
}
