package dev.countersign.gitops.content;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One hunk of a unified diff: a range of the old text, a range of the new text, and the lines between, changed
 * ones with a few lines of context. Line numbers start at 1; an empty range starts at the line before it (0 at the
 * start). Immutable.
 *
 * @param oldStart the first old line of the hunk
 * @param oldCount how many old lines the hunk covers
 * @param newStart the first new line of the hunk
 * @param newCount how many new lines the hunk covers
 * @param lines the lines, in order
 */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<DiffLine> lines) {
    /**
     * Validates the ranges and copies the lines.
     *
     * @param oldStart see the record component
     * @param oldCount see the record component
     * @param newStart see the record component
     * @param newCount see the record component
     * @param lines see the record component
     * @throws IllegalArgumentException if a start or count is negative
     */
    public Hunk {
        if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0) {
            throw new IllegalArgumentException("invalid hunk -" + oldStart + "," + oldCount + " +" + newStart + ","
                    + newCount + ": starts and counts must not be negative");
        }
        lines = List.copyOf(lines);
    }

    /**
     * Returns the hunk's header line in unified diff form.
     *
     * @return for example {@code @@ -3,7 +3,8 @@}
     */
    public String header() {
        return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
    }

    /**
     * Returns the hunk as a plain tree with sorted keys: {@code header}, the ranges, and {@code lines} as unified
     * diff text (each line starting with its mark).
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("header", header());
        tree.put("oldStart", oldStart);
        tree.put("oldCount", oldCount);
        tree.put("newStart", newStart);
        tree.put("newCount", newCount);
        tree.put("lines", lines.stream().map(DiffLine::unified).toList());
        return tree;
    }
}
