package dev.countersign.testkit;

import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import dev.countersign.dag.Edge;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated dependency graph as plain data: node names and (dependent, dependency) edges, so a
 * failing property prints exactly what to rebuild.
 *
 * <p>Immutable and thread-safe. Nodes are named {@code v0}, {@code v1}, … and listed in a random
 * order; edges are listed in a random order too, so code under test cannot rely on insertion order.
 *
 * @param nodes the node names, distinct
 * @param edges the edges, each between two listed nodes, no self-loop and no repeated edge
 */
public record GraphSpec(List<String> nodes, List<Edge<String>> edges) {
    /**
     * Copies and checks the fields.
     *
     * @param nodes the node names, distinct
     * @param edges the edges, each between two listed nodes, no self-loop and no repeated edge
     * @throws IllegalArgumentException if a node repeats, an edge is a self-loop, repeats or names an
     *     unlisted node
     */
    public GraphSpec {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        if (nodes.stream().distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("invalid graph: node names repeat in " + nodes);
        }
        if (edges.stream().distinct().count() != edges.size()) {
            throw new IllegalArgumentException("invalid graph: an edge repeats in " + edges);
        }
        for (Edge<String> edge : edges) {
            checkEdge(nodes, edge);
        }
    }

    private static void checkEdge(List<String> nodes, Edge<String> edge) {
        if (edge.dependent().equals(edge.dependency())) {
            throw new IllegalArgumentException("invalid edge " + edge + ": a node cannot depend on itself");
        }
        if (!nodes.contains(edge.dependent()) || !nodes.contains(edge.dependency())) {
            throw new IllegalArgumentException("invalid edge " + edge + ": both ends must be nodes of " + nodes);
        }
    }

    /**
     * Returns a builder holding this graph's nodes and edges, in the listed order.
     *
     * @return a new builder, ties broken by node name
     */
    public DagBuilder<String> builder() {
        DagBuilder<String> builder = Dag.<String>builder().nodes(nodes);
        edges.forEach(edge -> builder.dependsOn(edge.dependent(), edge.dependency()));
        return builder;
    }

    /**
     * Builds the graph.
     *
     * @return the graph
     * @throws dev.countersign.dag.CycleException if the edges form a cycle (always, for graphs from
     *     {@link DagGen#withCycle(int)}; never, for graphs from {@link DagGen#acyclic(int)})
     */
    public Dag<String> toDag() {
        return builder().build();
    }

    /**
     * Tells whether the graph has an edge from {@code dependent} to {@code dependency}.
     *
     * @param dependent the node that depends
     * @param dependency the node depended on
     * @return true when that edge is listed
     */
    public boolean hasEdge(String dependent, String dependency) {
        return edges.contains(new Edge<>(dependent, dependency));
    }

    /**
     * Shows the node count and the edges as {@code a->b}.
     *
     * @return a compact description
     */
    @Override
    public String toString() {
        return "GraphSpec[nodes=" + nodes.size() + ", edges="
                + edges.stream().map(e -> e.dependent() + "->" + e.dependency()).collect(Collectors.joining(" "))
                + "]";
    }
}
