package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds a cluster autoscaler keeps a node group's size within, instead of a fixed count. Immutable.
 *
 * @param min the fewest nodes, zero or more
 * @param max the most nodes, at least {@code min}
 */
public record Autoscaling(int min, int max) {
    /**
     * Validates the bounds.
     *
     * @param min the fewest nodes
     * @param max the most nodes
     * @throws InvalidStackException if a bound is negative or above {@value NodeGroup#MAX_NODES} (pointers
     *     {@code /min}, {@code /max}), or {@code min > max} (pointer empty: the pair)
     */
    public Autoscaling {
        NodeGroup.checkNodes("/min", "min", min);
        NodeGroup.checkNodes("/max", "max", max);
        if (min > max) {
            throw new InvalidStackException("", "autoscaling min " + min + " is above max " + max);
        }
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("min", (long) min);
        tree.put("max", (long) max);
        return tree;
    }
}
