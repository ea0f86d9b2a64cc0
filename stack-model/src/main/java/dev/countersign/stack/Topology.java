package dev.countersign.stack;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shape of an environment's cluster ({@code spec.topology} of an environment file): its Kubernetes version,
 * its control plane and its node groups. Immutable.
 *
 * <p>Error pointers of the constructors are relative to the topology (such as {@code /nodeGroups/1/name}); read
 * from an environment file they are placed below {@code /spec/topology}.
 *
 * @param kubernetesVersion the Kubernetes version, such as {@code v1.32.2}
 * @param controlPlane the control plane
 * @param nodeGroups the node groups, in file order, with unique names
 */
public record Topology(String kubernetesVersion, ControlPlane controlPlane, List<NodeGroup> nodeGroups) {
    /**
     * Validates and copies the fields.
     *
     * @param kubernetesVersion the Kubernetes version, {@code v<major>.<minor>.<patch>}
     * @param controlPlane the control plane
     * @param nodeGroups the node groups
     * @throws InvalidStackException if the version is malformed ({@code /kubernetesVersion}) or two groups share a
     *     name ({@code /nodeGroups/<i>/name})
     */
    public Topology {
        TopologyNames.kubernetesVersion("/kubernetesVersion", kubernetesVersion);
        Objects.requireNonNull(controlPlane, "controlPlane");
        nodeGroups = List.copyOf(nodeGroups);
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < nodeGroups.size(); i++) {
            Integer first = seen.putIfAbsent(nodeGroups.get(i).name(), i);
            if (first != null) {
                throw new InvalidStackException(
                        "/nodeGroups/" + i + "/name",
                        "duplicate node group name '" + nodeGroups.get(i).name() + "' (first at /nodeGroups/" + first
                                + ")");
            }
        }
    }

    /**
     * Finds a node group by name.
     *
     * @param name the group name
     * @return the group, or empty if this topology has none of that name
     */
    public Optional<NodeGroup> group(String name) {
        return nodeGroups.stream().filter(group -> group.name().equals(name)).findFirst();
    }

    /**
     * Returns a copy with one node group replaced by, or extended with, the given group (matched by name).
     *
     * @param group the group as it is to be
     * @return the new topology
     */
    public Topology withGroup(NodeGroup group) {
        var groups = new java.util.ArrayList<>(nodeGroups);
        int at = names().indexOf(group.name());
        if (at < 0) {
            groups.add(group);
        } else {
            groups.set(at, group);
        }
        return new Topology(kubernetesVersion, controlPlane, groups);
    }

    /**
     * Returns a copy without the node group of this name, if there is one.
     *
     * @param name the group name
     * @return the new topology
     */
    public Topology withoutGroup(String name) {
        return new Topology(
                kubernetesVersion,
                controlPlane,
                nodeGroups.stream().filter(group -> !group.name().equals(name)).toList());
    }

    /**
     * Returns the names of the node groups, in file order.
     *
     * @return the names
     */
    public List<String> names() {
        return nodeGroups.stream().map(NodeGroup::name).toList();
    }

    /**
     * Returns every value a change of topology changes, with its pointer below {@code /topology}. Node groups are
     * named by their name, not their position ({@code /topology/nodeGroups/workers/count}), so reordering the
     * file changes nothing; a group added or removed is one change of the whole group
     * ({@code /topology/nodeGroups/batch}); a taint is named by its position in its group.
     *
     * @param before the recorded topology, or null for none
     * @param after the proposed topology, or null for none
     * @return the changes, each with its old and new value
     */
    public static List<ValueChange> diff(@Nullable Topology before, @Nullable Topology after) {
        return Differ.diff(keyed(before), keyed(after), path -> false).stream()
                .map(change ->
                        new ValueChange("/topology" + change.path(), change.oldValue(), change.newValue(), false))
                .toList();
    }

    /** The tree with node groups keyed by name. */
    private static Map<String, Object> keyed(@Nullable Topology topology) {
        if (topology == null) {
            return Map.of();
        }
        var tree = new LinkedHashMap<>(topology.toTree());
        var groups = new LinkedHashMap<String, Object>();
        for (NodeGroup group : topology.nodeGroups()) {
            var fields = new LinkedHashMap<>(group.toTree());
            fields.remove("name");
            groups.put(group.name(), fields);
        }
        tree.put("nodeGroups", groups);
        return tree;
    }

    /**
     * Returns this topology as a plain value tree, as written under {@code spec.topology}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("kubernetesVersion", kubernetesVersion);
        tree.put("controlPlane", controlPlane.toTree());
        tree.put("nodeGroups", nodeGroups.stream().map(NodeGroup::toTree).toList());
        return tree;
    }
}
