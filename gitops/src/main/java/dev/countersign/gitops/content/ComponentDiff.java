package dev.countersign.gitops.content;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proposal does to one component, as unified YAML hunks of the component's document: an added component
 * in full (every line added), a removed one in full (every line removed), a changed one as the hunks that changed.
 * A value at one of the component's secret places shows as {@code <redacted>} unless it only references secret
 * variables ({@code ${name}}). Immutable.
 *
 * @param name the component's name
 * @param change {@link Change#ADDED}, {@link Change#REMOVED} or {@link Change#CHANGED}
 * @param hunks the YAML hunks
 */
public record ComponentDiff(String name, Change change, List<Hunk> hunks) {
    /**
     * Copies the hunks.
     *
     * @param name see the record component
     * @param change see the record component
     * @param hunks see the record component
     */
    public ComponentDiff {
        hunks = List.copyOf(hunks);
    }

    /**
     * Returns the diff as a plain tree with sorted keys: {@code name}, {@code change}, {@code hunks}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("name", name);
        tree.put("change", change.label());
        tree.put("hunks", hunks.stream().map(Hunk::toTree).toList());
        return tree;
    }
}
