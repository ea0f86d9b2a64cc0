package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable directed acyclic graph of dependencies between nodes of any type, with the deploy plan
 * it implies.
 *
 * <p>An edge says that a <em>dependent</em> needs a <em>dependency</em>, so the dependency deploys
 * first. Build one with {@link #builder(Comparator)}:
 *
 * <pre>{@code
 * Dag<String> dag = Dag.builder(Comparator.<String>naturalOrder())
 *         .node("db").node("api").node("web")
 *         .dependsOn("api", "db")
 *         .dependsOn("web", "api")
 *         .build();
 * dag.order();   // [db, api, web]
 * }</pre>
 *
 * <p><b>Waves.</b> A node's wave is one more than the highest wave of its dependencies, or 0 if it
 * has none: the minimal layering, in which everything of one wave can deploy in parallel once the
 * waves before it are done, and no edge joins two nodes of the same wave.
 *
 * <p><b>Tie-break and determinism.</b> {@link #order()} lists wave after wave, and within a wave the
 * nodes in the order of the builder's comparator. So the order depends only on the set of nodes, the
 * set of edges and the comparator, never on the order in which they were added. The comparator must
 * tell every two distinct nodes apart ({@link TieBreakException} otherwise).
 *
 * <p>Nodes are compared with {@code equals}/{@code hashCode} and should be immutable. Every method
 * that takes a node throws {@link UnknownNodeException} for a node not in the graph. Instances are
 * immutable and safe to share between threads; building and the order cost {@code O(E + V log V)}
 * time and {@code O(V + E)} memory.
 *
 * @param <N> the node type
 */
public final class Dag<N> {
    private final Comparator<? super N> tieBreak;
    private final Object[] nodes;
    private final Map<N, Integer> ids;
    private final int[] indexOfId;
    private final Adjacency graph;
    private final Layering layering;

    Dag(
            Comparator<? super N> tieBreak,
            Object[] nodes,
            Map<N, Integer> ids,
            int[] indexOfId,
            Adjacency graph,
            Layering layering) {
        this.tieBreak = tieBreak;
        this.nodes = nodes;
        this.ids = ids;
        this.indexOfId = indexOfId;
        this.graph = graph;
        this.layering = layering;
    }

    /**
     * Starts a graph whose ties within a wave are broken by the given comparator.
     *
     * @param tieBreak orders the nodes of one wave; must order every two distinct nodes
     * @param <N> the node type
     * @return an empty builder
     */
    public static <N> DagBuilder<N> builder(Comparator<? super N> tieBreak) {
        return new DagBuilder<>(Objects.requireNonNull(tieBreak, "tieBreak"));
    }

    /**
     * Starts a graph whose ties within a wave are broken by the nodes' natural order.
     *
     * @param <N> the node type
     * @return an empty builder
     */
    public static <N extends Comparable<? super N>> DagBuilder<N> builder() {
        return builder(Comparator.naturalOrder());
    }

    /**
     * Returns the number of nodes.
     *
     * @return the number of nodes
     */
    public int size() {
        return nodes.length;
    }

    /**
     * Returns the nodes in tie-break order, as an unmodifiable set with constant-time {@code contains}.
     *
     * @return the nodes
     */
    public Set<N> nodes() {
        return new NodeSet();
    }

    /**
     * Returns the edges, sorted by dependent and then by dependency in tie-break order.
     *
     * @return the edges, without duplicates
     */
    public List<Edge<N>> edges() {
        List<Edge<N>> edges = new ArrayList<>(graph.edgeCount());
        for (int u = 0; u < nodes.length; u++) {
            for (int i = 0, count = graph.dependencyCount(u); i < count; i++) {
                edges.add(new Edge<>(node(u), node(graph.dependency(u, i))));
            }
        }
        return Collections.unmodifiableList(edges);
    }

    /**
     * Returns the deploy order: every node after all of its dependencies, wave after wave, each wave in
     * tie-break order.
     *
     * @return an unmodifiable list of all nodes
     */
    public List<N> order() {
        return new Positions(0, nodes.length, false);
    }

    /**
     * Returns the waves: wave {@code k} holds the nodes whose longest chain of dependencies has {@code
     * k} edges, in tie-break order. No edge joins two nodes of one wave, and every node of wave {@code
     * k > 0} depends on a node of wave {@code k - 1}.
     *
     * @return an unmodifiable list of non-empty waves, empty for an empty graph
     */
    public List<List<N>> waves() {
        List<List<N>> waves = new ArrayList<>(layering.waveCount());
        for (int w = 0; w < layering.waveCount(); w++) {
            waves.add(new Positions(layering.waveStart(w), layering.waveStart(w + 1), false));
        }
        return Collections.unmodifiableList(waves);
    }

    /**
     * Returns the wave of a node.
     *
     * @param node a node of this graph
     * @return its wave, 0 if it has no dependencies
     */
    public int waveOf(N node) {
        return layering.waveOf(index(node));
    }

    /**
     * Returns the teardown order: the deploy order reversed, so every node goes before what it depends
     * on.
     *
     * @return an unmodifiable list of all nodes
     */
    public List<N> teardown() {
        return new Positions(0, nodes.length, true);
    }

    /**
     * Returns what a node needs directly, in tie-break order.
     *
     * @param node a node of this graph
     * @return its direct dependencies
     */
    public Set<N> directDependenciesOf(N node) {
        return collect(graph.dependenciesOf(index(node)));
    }

    /**
     * Returns what needs a node directly, in tie-break order.
     *
     * @param node a node of this graph
     * @return its direct dependents
     */
    public Set<N> directDependentsOf(N node) {
        return collect(graph.dependentsOf(index(node)));
    }

    /**
     * Returns everything a node needs, directly or not, in deploy order, without the node itself.
     *
     * @param node a node of this graph
     * @return its transitive dependencies
     */
    public Set<N> dependenciesOf(N node) {
        return inOrder(Reach.of(graph, new int[] {index(node)}, true, false));
    }

    /**
     * Returns the blast radius of a node: everything that needs it, directly or not, in deploy order,
     * without the node itself.
     *
     * @param node a node of this graph
     * @return its transitive dependents
     */
    public Set<N> dependentsOf(N node) {
        return inOrder(Reach.of(graph, new int[] {index(node)}, false, false));
    }

    /**
     * Returns the graph to deploy a selection: the selected nodes, everything they need, and the edges
     * between them.
     *
     * @param selection nodes of this graph
     * @return the closure of the selection under dependencies, with the same tie-break
     */
    public Dag<N> withDependencies(Collection<? extends N> selection) {
        return induced(Reach.of(graph, indexes(selection), true, true));
    }

    /**
     * Returns the graph of everything a selection affects: the selected nodes, everything that needs
     * them, and the edges between them.
     *
     * @param selection nodes of this graph
     * @return the closure of the selection under dependents, with the same tie-break
     */
    public Dag<N> withDependents(Collection<? extends N> selection) {
        return induced(Reach.of(graph, indexes(selection), false, true));
    }

    /**
     * Returns the redundant edges: those implied by a longer path, which a transitive reduction drops
     * without changing the order or what depends on what.
     *
     * <p>Costs {@code O(V * E / 64)} time and {@code V * V} bits of memory.
     *
     * @return the redundant edges, sorted like {@link #edges()}
     */
    public List<Edge<N>> redundantEdges() {
        List<Edge<N>> redundant = new ArrayList<>();
        int[] pairs = Reduction.redundant(graph, layering);
        for (int i = 0; i < pairs.length; i += 2) {
            redundant.add(new Edge<>(node(pairs[i]), node(pairs[i + 1])));
        }
        return Collections.unmodifiableList(redundant);
    }

    /**
     * Draws the graph in Graphviz DOT, labelling each node by its {@code toString()}.
     *
     * @return the DOT text; see {@link #toDot(Function)}
     */
    public String toDot() {
        return toDot(String::valueOf);
    }

    /**
     * Draws the graph in Graphviz DOT: one {@code rank=same} group per wave, waves left to right, and an
     * arrow from each dependent to its dependency. The text depends only on the graph, the tie-break and
     * the labels; labels are escaped.
     *
     * @param label names a node in the picture
     * @return the DOT text
     */
    public String toDot(Function<? super N, String> label) {
        return Pictures.dot(labels(label), graph, layering);
    }

    /**
     * Draws the graph as a Mermaid flowchart, labelling each node by its {@code toString()}.
     *
     * @return the Mermaid text; see {@link #toMermaid(Function)}
     */
    public String toMermaid() {
        return toMermaid(String::valueOf);
    }

    /**
     * Draws the graph as a Mermaid flowchart: one subgraph per wave, waves left to right, and an arrow
     * from each dependent to its dependency. The text depends only on the graph, the tie-break and the
     * labels; labels are escaped.
     *
     * @param label names a node in the picture
     * @return the Mermaid text
     */
    public String toMermaid(Function<? super N, String> label) {
        return Pictures.mermaid(labels(label), graph, layering);
    }

    /**
     * Draws the graph as an SVG picture, labelling each node by its {@code toString()}.
     *
     * @return the SVG document; see {@link #toSvg(Function)}
     */
    public String toSvg() {
        return toSvg(String::valueOf);
    }

    /**
     * Draws the graph as a standalone SVG picture: one column per wave titled {@code wave <n>}, wave 0 on
     * the left, a box per node in tie-break order, and an arrow from each dependent to its dependency.
     * Nodes are groups {@code <g class="node" id="n<index>">}, waves {@code <g class="wave"
     * id="wave<n>">}, so a page can style them. The text depends only on the graph, the tie-break and the
     * labels (integer coordinates from the label lengths, no fonts measured); labels are XML-escaped, so
     * the picture can be embedded in an HTML page as it is.
     *
     * @param label names a node in the picture
     * @return the SVG document
     */
    public String toSvg(Function<? super N, String> label) {
        return Svg.draw(labels(label), graph, layering);
    }

    /** Returns a summary such as {@code Dag[nodes=3, edges=2, waves=3]}. */
    @Override
    public String toString() {
        return "Dag[nodes=" + nodes.length + ", edges=" + graph.edgeCount() + ", waves=" + layering.waveCount() + "]";
    }

    @SuppressWarnings("unchecked") // nodes holds only Ns
    private N node(int index) {
        return (N) nodes[index];
    }

    private int index(N node) {
        Integer id = ids.get(Objects.requireNonNull(node, "node"));
        if (id == null) {
            throw new UnknownNodeException(node, "not in this graph");
        }
        return indexOfId[id];
    }

    private int[] indexes(Collection<? extends N> selection) {
        return selection.stream().mapToInt(this::index).toArray();
    }

    private String[] labels(Function<? super N, String> label) {
        String[] labels = new String[nodes.length];
        for (int u = 0; u < nodes.length; u++) {
            labels[u] = String.valueOf(label.apply(node(u)));
        }
        return labels;
    }

    private Set<N> collect(int[] indexes) {
        Set<N> set = new LinkedHashSet<>();
        for (int u : indexes) {
            set.add(node(u));
        }
        return Collections.unmodifiableSet(set);
    }

    private Set<N> inOrder(boolean[] marked) {
        Set<N> set = new LinkedHashSet<>();
        for (N node : order()) {
            if (marked[index(node)]) {
                set.add(node);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private Dag<N> induced(boolean[] keep) {
        return Subgraph.of(tieBreak, nodes, graph, keep);
    }

    /** A slice of the order, read forwards or backwards. */
    private final class Positions extends AbstractList<N> implements RandomAccess {
        private final int from;
        private final int to;
        private final boolean reversed;

        Positions(int from, int to, boolean reversed) {
            this.from = from;
            this.to = to;
            this.reversed = reversed;
        }

        @Override
        public N get(int i) {
            Objects.checkIndex(i, size());
            return node(layering.nodeAt(reversed ? to - 1 - i : from + i));
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    /** The nodes in index order, with lookups through the id map. */
    private final class NodeSet extends AbstractSet<N> {
        @Override
        @SuppressWarnings("unchecked") // nodes holds only Ns
        public Iterator<N> iterator() {
            return Collections.unmodifiableList(Arrays.asList((N[]) nodes)).iterator();
        }

        @Override
        public int size() {
            return nodes.length;
        }

        @Override
        public boolean contains(Object o) {
            return ids.containsKey(o);
        }
    }
}
