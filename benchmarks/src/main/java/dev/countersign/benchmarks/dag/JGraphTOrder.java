package dev.countersign.benchmarks.dag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The JGraphT peer: a {@code SimpleDirectedGraph} with an edge from each dependency to its dependent,
 * ordered by JGraphT's own {@code TopologicalOrderIterator}, with waves derived from that order over
 * the incoming edges (JGraphT has no waves of its own).
 */
public final class JGraphTOrder {
    private final Graph<Integer, DefaultEdge> graph;
    private final int nodes;

    private JGraphTOrder(Graph<Integer, DefaultEdge> graph, int nodes) {
        this.graph = graph;
        this.nodes = nodes;
    }

    /**
     * Builds the JGraphT graph.
     *
     * @param dag the edges
     * @param nodes the node objects {@code 0..nodes-1}, in the order to add them
     * @return the prepared graph
     */
    public static JGraphTOrder of(RandomDag dag, List<Integer> nodes) {
        Graph<Integer, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        Integer[] boxed = new Integer[dag.nodes()];
        for (Integer node : nodes) {
            graph.addVertex(node);
            boxed[node] = node;
        }
        for (int i = 0; i < dag.edges(); i++) {
            graph.addEdge(boxed[dag.dependency()[i]], boxed[dag.dependent()[i]]);
        }
        return new JGraphTOrder(graph, dag.nodes());
    }

    /** An order and the wave of every node, kept only so the benchmark can consume them. */
    public static final class Plan {
        private final List<Integer> order;
        private final int[] wave;

        Plan(List<Integer> order, int[] wave) {
            this.order = order;
            this.wave = wave;
        }

        /**
         * Returns the nodes, dependencies first.
         *
         * @return the order
         */
        public List<Integer> order() {
            return order;
        }

        /**
         * Returns the number of waves.
         *
         * @return one more than the highest wave, 0 without nodes
         */
        public int waveCount() {
            return Arrays.stream(wave).max().orElse(-1) + 1;
        }
    }

    /**
     * Computes the order with {@code TopologicalOrderIterator} and the wave of every node.
     *
     * @return the order and the waves
     */
    public Plan run() {
        List<Integer> order = new ArrayList<>(nodes);
        new TopologicalOrderIterator<>(graph).forEachRemaining(order::add);
        int[] wave = new int[nodes];
        for (Integer node : order) {
            int w = 0;
            for (DefaultEdge e : graph.incomingEdgesOf(node)) {
                w = Math.max(w, wave[graph.getEdgeSource(e)] + 1);
            }
            wave[node] = w;
        }
        return new Plan(order, wave);
    }
}
