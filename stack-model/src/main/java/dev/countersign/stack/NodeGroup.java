package dev.countersign.stack;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A pool of worker machines of one server type in one location, with the labels and taints its nodes carry.
 * Its size is either a fixed {@code count} or {@code autoscaling} bounds, never both. Immutable; labels are kept
 * sorted by key.
 *
 * @param name the group name, a DNS-1123 label unique within the topology
 * @param serverType the provider's server type, such as {@code cpx31}
 * @param location the provider's location, such as {@code fsn1}
 * @param count the fixed number of nodes (zero allowed), or null when the group autoscales
 * @param autoscaling the autoscaling bounds, or null when the group has a fixed count
 * @param labels the Kubernetes labels of its nodes
 * @param taints the Kubernetes taints of its nodes
 */
public record NodeGroup(
        String name,
        String serverType,
        String location,
        @Nullable Integer count,
        @Nullable Autoscaling autoscaling,
        Map<String, String> labels,
        List<Taint> taints) {
    /** The largest node count, or autoscaling bound, a group may name. */
    public static final int MAX_NODES = 10_000;

    /**
     * Validates and copies the fields.
     *
     * @param name the group name
     * @param serverType the server type
     * @param location the location
     * @param count the fixed count, or null
     * @param autoscaling the autoscaling bounds, or null
     * @param labels the node labels
     * @param taints the node taints
     * @throws InvalidStackException if a field breaks its rule; the pointer is relative to the group ({@code /name},
     *     {@code /count}, {@code /labels/<key>}, {@code /taints/<i>}), empty when both or neither of count and
     *     autoscaling are given
     */
    public NodeGroup {
        TopologyNames.groupName("/name", name);
        TopologyNames.serverType("/serverType", serverType);
        TopologyNames.location("/location", location);
        if ((count == null) == (autoscaling == null)) {
            throw new InvalidStackException(
                    "",
                    "node group " + name + " must give exactly one of count and autoscaling, "
                            + (count == null ? "found neither" : "found both"));
        }
        if (count != null) {
            checkNodes("/count", "count", count);
        }
        labels = checkedLabels(labels);
        taints = checkedTaints(taints);
    }

    /**
     * Creates a group of a fixed size without labels or taints.
     *
     * @param name the group name
     * @param serverType the server type
     * @param location the location
     * @param count the number of nodes
     * @return the group
     * @throws InvalidStackException if a field breaks its rule
     */
    public static NodeGroup fixed(String name, String serverType, String location, int count) {
        return new NodeGroup(name, serverType, location, count, null, Map.of(), List.of());
    }

    /**
     * Creates an autoscaling group without labels or taints.
     *
     * @param name the group name
     * @param serverType the server type
     * @param location the location
     * @param autoscaling the bounds
     * @return the group
     * @throws InvalidStackException if a field breaks its rule
     */
    public static NodeGroup autoscaled(String name, String serverType, String location, Autoscaling autoscaling) {
        return new NodeGroup(name, serverType, location, null, autoscaling, Map.of(), List.of());
    }

    /**
     * Returns the fewest nodes this group runs: its count, or its autoscaling minimum.
     *
     * @return the lower bound of its size
     */
    public int minNodes() {
        Autoscaling bounds = autoscaling;
        return bounds == null ? Objects.requireNonNull(count) : bounds.min();
    }

    /**
     * Returns the most nodes this group runs: its count, or its autoscaling maximum.
     *
     * @return the upper bound of its size
     */
    public int maxNodes() {
        Autoscaling bounds = autoscaling;
        return bounds == null ? Objects.requireNonNull(count) : bounds.max();
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("name", name);
        tree.put("serverType", serverType);
        tree.put("location", location);
        Integer fixed = count;
        Autoscaling bounds = autoscaling;
        if (fixed != null) {
            tree.put("count", (long) fixed);
        }
        if (bounds != null) {
            tree.put("autoscaling", bounds.toTree());
        }
        if (!labels.isEmpty()) {
            tree.put("labels", labels);
        }
        if (!taints.isEmpty()) {
            tree.put("taints", taints.stream().map(Taint::toTree).toList());
        }
        return tree;
    }

    static void checkNodes(String pointer, String what, int value) {
        if (value < 0 || value > MAX_NODES) {
            throw new InvalidStackException(
                    pointer, what + " " + value + " must lie between 0 and " + MAX_NODES + " nodes");
        }
    }

    private static Map<String, String> checkedLabels(Map<String, String> labels) {
        var sorted = new TreeMap<String, String>();
        labels.forEach((key, value) -> {
            String pointer = "/labels/" + Pointers.escape(key);
            TopologyNames.labelKey(pointer, "label key", key);
            sorted.put(key, TopologyNames.labelValue(pointer, "label value", value));
        });
        return Collections.unmodifiableMap(sorted);
    }

    private static List<Taint> checkedTaints(List<Taint> taints) {
        var seen = new HashSet<String>();
        for (int i = 0; i < taints.size(); i++) {
            Taint taint = Objects.requireNonNull(taints.get(i));
            if (!seen.add(taint.key() + ":" + taint.effect().id())) {
                throw new InvalidStackException(
                        "/taints/" + i,
                        "duplicate taint " + Excerpt.of(taint.key()) + " with effect "
                                + taint.effect().id());
            }
        }
        return List.copyOf(taints);
    }
}
