package dev.countersign.gitops.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.DeletePath;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.jspecify.annotations.Nullable;

/** Tree building from a base tree plus changed paths only, in memory: no work tree, no index file. */
final class TreeEdits {
    private TreeEdits() {}

    static ObjectId apply(
            ObjectReader reader,
            ObjectInserter inserter,
            @Nullable ObjectId baseTree,
            Map<String, byte @Nullable []> edits)
            throws IOException {
        DirCache cache = DirCache.newInCore();
        if (baseTree != null) {
            DirCacheBuilder builder = cache.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, baseTree);
            builder.finish();
        }
        DirCacheEditor editor = cache.editor();
        for (Map.Entry<String, byte @Nullable []> edit : edits.entrySet()) {
            byte[] content = edit.getValue();
            editor.add(content == null ? new DeletePath(edit.getKey()) : put(inserter, edit.getKey(), content));
        }
        editor.finish();
        return cache.writeTree(inserter);
    }

    private static PathEdit put(ObjectInserter inserter, String path, byte[] content) throws IOException {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
        return new PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                entry.setLength(content.length);
            }
        };
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
