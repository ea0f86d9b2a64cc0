package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects nodes and edges and builds a {@link Dag}; obtained from {@link Dag#builder(Comparator)}.
 *
 * <p>Add every node with {@link #node(Object)} before naming it in {@link #dependsOn(Object, Object)};
 * adding the same edge twice is harmless. {@link #build()} may be called more than once, and the
 * builder stays usable after it. A builder is not safe for use by several threads at once.
 *
 * @param <N> the node type
 */
public final class DagBuilder<N> {
    private final Comparator<? super N> tieBreak;
    private Map<N, Integer> ids = new HashMap<>();
    private final List<N> nodes = new ArrayList<>();
    private int[] dependents = new int[16];
    private int[] dependencies = new int[16];
    private int edgeCount;
    private boolean idsShared;

    DagBuilder(Comparator<? super N> tieBreak) {
        this.tieBreak = tieBreak;
    }

    /**
     * Adds a node.
     *
     * @param node the node, not yet added
     * @return this builder
     * @throws DuplicateNodeException if the node was already added
     */
    public DagBuilder<N> node(N node) {
        Objects.requireNonNull(node, "node");
        if (ownIds().putIfAbsent(node, nodes.size()) != null) {
            throw new DuplicateNodeException(node);
        }
        nodes.add(node);
        return this;
    }

    /**
     * Adds the nodes of a collection, in its iteration order.
     *
     * @param newNodes the nodes, none added yet
     * @return this builder
     * @throws DuplicateNodeException if a node was already added or appears twice
     */
    public DagBuilder<N> nodes(Iterable<? extends N> newNodes) {
        newNodes.forEach(this::node);
        return this;
    }

    /**
     * Records that {@code dependent} needs {@code dependency}, so the dependency deploys first.
     *
     * @param dependent an added node
     * @param dependency another added node
     * @return this builder
     * @throws UnknownNodeException if either node was not added
     * @throws SelfLoopException if both are the same node
     */
    public DagBuilder<N> dependsOn(N dependent, N dependency) {
        int from = id(dependent);
        int to = id(dependency);
        if (from == to) {
            throw new SelfLoopException(dependent);
        }
        if (edgeCount == dependents.length) {
            dependents = Arrays.copyOf(dependents, edgeCount * 2);
            dependencies = Arrays.copyOf(dependencies, edgeCount * 2);
        }
        dependents[edgeCount] = from;
        dependencies[edgeCount++] = to;
        return this;
    }

    /**
     * Builds the graph and its deploy order.
     *
     * @return the graph
     * @throws CycleException if the edges form a cycle; it names one cycle and every cyclic component
     * @throws TieBreakException if the comparator finds two distinct nodes equal
     */
    @SuppressWarnings("unchecked") // the array holds only Ns
    public Dag<N> build() {
        N[] sorted = (N[]) nodes.toArray();
        Arrays.sort(sorted, tieBreak);
        int[] indexOfId = rank(sorted);
        Adjacency graph =
                Adjacency.of(sorted.length, remap(dependents, indexOfId), remap(dependencies, indexOfId), edgeCount);
        Layering layering = Layering.of(graph);
        if (!layering.isAcyclic()) {
            throw Cycles.exception(sorted, graph, layering.blocked());
        }
        idsShared = true;
        return new Dag<>(tieBreak, sorted, ids, indexOfId, graph, layering);
    }

    private int[] rank(N[] sorted) {
        int[] indexOfId = new int[sorted.length];
        for (int index = 0; index < sorted.length; index++) {
            if (index > 0 && tieBreak.compare(sorted[index - 1], sorted[index]) == 0) {
                throw new TieBreakException(sorted[index - 1], sorted[index]);
            }
            indexOfId[id(sorted[index])] = index;
        }
        return indexOfId;
    }

    private int[] remap(int[] ends, int[] indexOfId) {
        int[] remapped = new int[edgeCount];
        for (int i = 0; i < edgeCount; i++) {
            remapped[i] = indexOfId[ends[i]];
        }
        return remapped;
    }

    private int id(N node) {
        Integer id = ids.get(Objects.requireNonNull(node, "node"));
        if (id == null) {
            throw new UnknownNodeException(node, "add it with node() before naming it in dependsOn()");
        }
        return id;
    }

    private Map<N, Integer> ownIds() {
        if (idsShared) {
            ids = new HashMap<>(ids);
            idsShared = false;
        }
        return ids;
    }
}
