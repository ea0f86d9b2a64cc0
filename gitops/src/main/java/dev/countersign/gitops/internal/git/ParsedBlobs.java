package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.CommitId;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.jspecify.annotations.Nullable;

/**
 * Files of a {@link GitStore} read and parsed once per blob: Git names content by its hash, so a file whose
 * content did not change between two commits (the policy, an environment, every stack but the one a record
 * changes) is the same blob, and its parse, which is a pure function of its bytes and path, is kept by blob id
 * and path. The path is found through trees looked up by tree id, so a subtree no commit changed is not read
 * again either. Bounded: at most {@value #PARSED_BYTES} bytes of parsed source text and {@value #LOOKUPS} tree
 * lookups are kept, the least recently used dropped first. A parse that fails is not kept: it fails again, the
 * same way. Thread-safe. Parsed values must be immutable, as every caller shares them.
 */
public final class ParsedBlobs {
    static final int PARSED_BYTES = 8 * 1024 * 1024;
    static final int LOOKUPS = 16_384;
    private static final int COMMITS = 4_096;

    private final GitTrees trees;
    private final Lru<Key, Parsed> parsed = new Lru<>(PARSED_BYTES);
    private final Lru<Lookup, ObjectId> entries = new Lru<>(LOOKUPS);
    private final Lru<CommitId, ObjectId> commitTrees = new Lru<>(COMMITS);

    ParsedBlobs(GitTrees trees) {
        this.trees = trees;
    }

    private record Key(Class<?> type, String path, ObjectId blob) {}

    private record Parsed(Object value) {}

    private record Lookup(ObjectId tree, String name) {}

    /**
     * Reads and parses one file of a commit, or returns the parse of the same blob at the same path kept from
     * before.
     *
     * @param commit the commit
     * @param path the file's path
     * @param type what the parse returns; with the path and the blob, the key a parse is kept under
     * @param parser parses the file's bytes; must be a pure function of them returning an immutable value
     * @param <T> what the parse returns
     * @return the parsed file, or empty when the commit has no such file
     */
    public <T> Optional<T> read(CommitId commit, String path, Class<T> type, Function<byte[], T> parser) {
        return GitTrees.io(() -> {
            try (ObjectReader reader = trees.repository.newObjectReader()) {
                ObjectId blob = find(reader, treeOf(commit), path);
                if (blob == null) {
                    return Optional.empty();
                }
                Key key = new Key(type, path, blob);
                Parsed kept = parsed.get(key);
                if (kept != null) {
                    return Optional.of(type.cast(kept.value()));
                }
                byte[] bytes = reader.open(blob).getBytes();
                T value = parser.apply(bytes);
                parsed.put(key, new Parsed(value), Math.max(1, bytes.length));
                return Optional.of(value);
            }
        });
    }

    private ObjectId treeOf(CommitId commit) throws IOException {
        ObjectId tree = commitTrees.get(commit);
        if (tree == null) {
            tree = trees.treeOf(commit).copy();
            commitTrees.put(commit, tree, 1);
        }
        return tree;
    }

    /** The object at a path below a tree, as {@code TreeWalk.forPath} finds it, or null. */
    private @Nullable ObjectId find(ObjectReader reader, ObjectId tree, String path) throws IOException {
        ObjectId current = tree;
        String[] names = path.split("/", -1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty()) {
                return null;
            }
            ObjectId next = entry(reader, current, names[i], i < names.length - 1);
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /**
     * The entry of a tree by name, kept by tree id and name: a subtree on the way to a file (as {@code TreeWalk}
     * enters only subtrees), any entry at its end.
     */
    private @Nullable ObjectId entry(ObjectReader reader, ObjectId tree, String name, boolean subtree)
            throws IOException {
        Lookup lookup = new Lookup(tree, (subtree ? "/" : "") + name);
        ObjectId kept = entries.get(lookup);
        if (kept != null) {
            return kept.equals(ObjectId.zeroId()) ? null : kept;
        }
        ObjectId found = null;
        for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree); !parser.eof(); parser.next()) {
            boolean isTree = FileMode.TREE.equals(parser.getEntryRawMode());
            if (parser.getEntryPathString().equals(name) && (isTree || !subtree)) {
                found = parser.getEntryObjectId();
                break;
            }
        }
        entries.put(lookup, found == null ? ObjectId.zeroId() : found, 1);
        return found;
    }

    /** A map that drops its least recently used entries once their weights pass a bound. */
    private static final class Lru<K, V> {
        private final int bound;
        private final LinkedHashMap<K, V> map = new LinkedHashMap<>(64, 0.75f, true);
        private final Map<K, Integer> weights = new HashMap<>();
        private long total;

        Lru(int bound) {
            this.bound = bound;
        }

        synchronized @Nullable V get(K key) {
            return map.get(key);
        }

        synchronized void put(K key, V value, int weight) {
            Integer old = weights.put(key, weight);
            total += weight - (old == null ? 0 : old);
            map.put(key, value);
            var eldest = map.entrySet().iterator();
            while (total > bound && eldest.hasNext()) {
                K gone = eldest.next().getKey();
                eldest.remove();
                Integer dropped = weights.remove(gone);
                total -= dropped == null ? 0 : dropped;
            }
        }
    }
}
