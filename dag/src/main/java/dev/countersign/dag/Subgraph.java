package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** Builds the subgraph of a {@link Dag} induced by a set of its nodes. */
final class Subgraph {
    private Subgraph() {}

    static <N> Dag<N> of(Comparator<? super N> tieBreak, Object[] nodes, Adjacency graph, boolean[] keep) {
        int[] newIndex = new int[nodes.length];
        int kept = 0;
        for (int u = 0; u < nodes.length; u++) {
            newIndex[u] = keep[u] ? kept++ : -1;
        }
        Object[] subNodes = new Object[kept];
        Map<N, Integer> ids = new HashMap<>();
        int[] identity = new int[kept];
        int[][] edges = new int[2][graph.edgeCount()];
        int edgeCount = 0;
        for (int u = 0; u < nodes.length; u++) {
            if (keep[u]) {
                subNodes[newIndex[u]] = nodes[u];
                @SuppressWarnings("unchecked") // a Dag<N> holds only Ns
                N node = (N) nodes[u];
                ids.put(node, newIndex[u]);
                identity[newIndex[u]] = newIndex[u];
                edgeCount = keptEdges(graph, u, newIndex, edges, edgeCount);
            }
        }
        Adjacency sub = Adjacency.of(kept, edges[0], edges[1], edgeCount);
        return new Dag<>(tieBreak, subNodes, ids, identity, sub, Layering.of(sub));
    }

    private static int keptEdges(Adjacency graph, int u, int[] newIndex, int[][] edges, int edgeCount) {
        int count = edgeCount;
        for (int i = 0, n = graph.dependencyCount(u); i < n; i++) {
            int v = newIndex[graph.dependency(u, i)];
            if (v >= 0) {
                edges[0][count] = newIndex[u];
                edges[1][count++] = v;
            }
        }
        return count;
    }
}
