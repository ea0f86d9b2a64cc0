package dev.countersign.gitops.internal.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;

/**
 * Tree building from a base tree plus changed paths only: only the trees on the path of an edit are read
 * and rewritten, every other subtree is reused by id. No work tree, no index, so the cost grows with the
 * edits and the depth of their folders, not with the size of the repository.
 */
final class TreeEdits {
    private TreeEdits() {}

    static ObjectId apply(
            ObjectReader reader,
            ObjectInserter inserter,
            @Nullable ObjectId baseTree,
            Map<String, byte @Nullable []> edits)
            throws IOException {
        SortedMap<String, byte @Nullable []> sorted = new TreeMap<>(edits);
        ObjectId tree = new TreeEdits.Writer(reader, inserter).write(baseTree, sorted);
        return tree == null ? inserter.insert(new TreeFormatter()) : tree;
    }

    /** Rewrites one tree level, recursing only into folders that hold an edit. */
    private record Writer(ObjectReader reader, ObjectInserter inserter) {
        @Nullable
        ObjectId write(@Nullable ObjectId tree, SortedMap<String, byte @Nullable []> edits) throws IOException {
            SortedMap<String, Entry> entries = tree == null ? new TreeMap<>() : read(tree);
            Map<String, SortedMap<String, byte @Nullable []>> folders = new TreeMap<>();
            for (Map.Entry<String, byte @Nullable []> edit : edits.entrySet()) {
                int slash = edit.getKey().indexOf('/');
                if (slash < 0) {
                    putFile(entries, edit.getKey(), edit.getValue());
                } else {
                    folders.computeIfAbsent(edit.getKey().substring(0, slash), name -> new TreeMap<>())
                            .put(edit.getKey().substring(slash + 1), edit.getValue());
                }
            }
            for (Map.Entry<String, SortedMap<String, byte @Nullable []>> folder : folders.entrySet()) {
                Entry old = entries.get(folder.getKey());
                ObjectId sub = write(old == null || !old.isTree() ? null : old.id(), folder.getValue());
                if (sub == null) {
                    entries.remove(folder.getKey());
                } else {
                    entries.put(folder.getKey(), new Entry(FileMode.TREE, sub));
                }
            }
            return entries.isEmpty() ? null : insert(entries);
        }

        private void putFile(SortedMap<String, Entry> entries, String name, byte @Nullable [] content)
                throws IOException {
            if (content == null) {
                entries.remove(name);
            } else {
                entries.put(name, new Entry(FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, content)));
            }
        }

        private SortedMap<String, Entry> read(ObjectId tree) throws IOException {
            SortedMap<String, Entry> entries = new TreeMap<>();
            for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
                    !parser.eof();
                    parser.next()) {
                entries.put(
                        parser.getEntryPathString(), new Entry(parser.getEntryFileMode(), parser.getEntryObjectId()));
            }
            return entries;
        }

        private ObjectId insert(SortedMap<String, Entry> entries) throws IOException {
            List<Map.Entry<String, Entry>> ordered = new ArrayList<>(entries.entrySet());
            ordered.sort(Comparator.comparing(e -> gitName(e.getKey(), e.getValue()), TreeEdits::compareBytes));
            TreeFormatter formatter = new TreeFormatter();
            for (Map.Entry<String, Entry> e : ordered) {
                formatter.append(e.getKey(), e.getValue().mode(), e.getValue().id());
            }
            return inserter.insert(formatter);
        }
    }

    /** One entry of a tree: its mode and object. */
    private record Entry(FileMode mode, ObjectId id) {
        boolean isTree() {
            return FileMode.TREE.equals(mode.getBits());
        }
    }

    /** Git sorts tree entries by name bytes, a folder as if its name ended in a slash. */
    private static byte[] gitName(String name, Entry entry) {
        return (entry.isTree() ? name + "/" : name).getBytes(StandardCharsets.UTF_8);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    static List<String> changedPaths(ObjectReader reader, @Nullable ObjectId from, ObjectId to) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            if (from == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(new CanonicalTreeParser(null, reader, from));
            }
            walk.addTree(new CanonicalTreeParser(null, reader, to));
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }
}
