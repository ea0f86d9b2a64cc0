package dev.countersign.gitops.content;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The blast radius of one changed or removed component: every component that depends on it, directly or through
 * others (for a removal, in the recorded stack; for a change, in the proposed one). Immutable.
 *
 * @param component the component's name
 * @param change {@link Change#CHANGED} or {@link Change#REMOVED}
 * @param dependents the components depending on it, sorted; empty when none does
 */
public record Impact(String component, Change change, List<String> dependents) {
    /**
     * Copies the dependents.
     *
     * @param component see the record component
     * @param change see the record component
     * @param dependents see the record component
     */
    public Impact {
        dependents = List.copyOf(dependents);
    }

    /**
     * Returns the impact as a plain tree with sorted keys: {@code component}, {@code change}, {@code dependents}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("component", component);
        tree.put("change", change.label());
        tree.put("dependents", dependents);
        return tree;
    }
}
