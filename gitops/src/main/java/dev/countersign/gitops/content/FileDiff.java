package dev.countersign.gitops.content;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a proposal's record does to one file of the repository: a text file as unified hunks, a sops-encrypted
 * file by the SHA-256 digests of its bytes only, never its content. Immutable.
 */
public sealed interface FileDiff {
    /**
     * Returns the file's repository path.
     *
     * @return for example {@code environments/dev/web/stack.yaml}
     */
    String path();

    /**
     * Returns what the record does to the file.
     *
     * @return added, changed or removed
     */
    Change change();

    /**
     * Tells whether the file is sops-encrypted, and so shown by digest only.
     *
     * @return true for an encrypted file
     */
    boolean encrypted();

    /**
     * Returns the diff as a plain tree with sorted keys: {@code path}, {@code change}, {@code kind} ({@code text} or
     * {@code encrypted}) and, by kind, {@code hunks} or {@code digestBefore}/{@code digestAfter}.
     *
     * @return the tree
     */
    Map<String, Object> toTree();

    /**
     * A text file's change as unified hunks.
     *
     * @param path the repository path
     * @param change what the record does to it
     * @param hunks the hunks; an added file in full, a removed one in full
     */
    record Text(String path, Change change, List<Hunk> hunks) implements FileDiff {
        /**
         * Copies the hunks.
         *
         * @param path see the record component
         * @param change see the record component
         * @param hunks see the record component
         */
        public Text {
            hunks = List.copyOf(hunks);
        }

        @Override
        public boolean encrypted() {
            return false;
        }

        @Override
        public Map<String, Object> toTree() {
            Map<String, Object> tree = common(this, "text");
            tree.put("hunks", hunks.stream().map(Hunk::toTree).toList());
            return tree;
        }
    }

    /**
     * A sops-encrypted file's change, by digest: whether its bytes changed, never what it holds.
     *
     * @param path the repository path
     * @param change what the record does to it
     * @param digestBefore {@code sha256:<hex>} of the recorded bytes, or null when the file is added
     * @param digestAfter {@code sha256:<hex>} of the proposed bytes, or null when the file is removed
     */
    record Encrypted(
            String path,
            Change change,
            @Nullable String digestBefore,
            @Nullable String digestAfter) implements FileDiff {
        @Override
        public boolean encrypted() {
            return true;
        }

        @Override
        public Map<String, Object> toTree() {
            Map<String, Object> tree = common(this, "encrypted");
            if (digestBefore != null) {
                tree.put("digestBefore", digestBefore);
            }
            if (digestAfter != null) {
                tree.put("digestAfter", digestAfter);
            }
            return tree;
        }
    }

    private static Map<String, Object> common(FileDiff file, String kind) {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("path", file.path());
        tree.put("change", file.change().label());
        tree.put("kind", kind);
        return tree;
    }
}
