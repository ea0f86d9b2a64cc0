package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Finds the edges a transitive reduction removes: {@code u -> v} is redundant exactly when {@code v}
 * is reachable from another dependency of {@code u}.
 *
 * <p>Walks the nodes in deploy order, so the reachable set of every dependency is known before its
 * dependents are visited: {@code O(V * E / 64)} time, {@code V * V} bits of memory. JGraphT's {@code
 * TransitiveReduction} gives the same answer in {@code O(V^3 / 64)}, too slow for large graphs.
 */
final class Reduction {
    private Reduction() {}

    /** Returns the redundant edges as (dependent, dependency) pairs, sorted. */
    static int[] redundant(Adjacency graph, Layering layering) {
        int n = graph.nodeCount();
        BitSet[] reach = new BitSet[n];
        long[] found = new long[graph.edgeCount()];
        int count = 0;
        for (int position = 0; position < n; position++) {
            int u = layering.nodeAt(position);
            BitSet viaOthers = new BitSet(n);
            for (int i = 0, deps = graph.dependencyCount(u); i < deps; i++) {
                viaOthers.or(reach[graph.dependency(u, i)]);
            }
            for (int i = 0, deps = graph.dependencyCount(u); i < deps; i++) {
                int v = graph.dependency(u, i);
                if (viaOthers.get(v)) {
                    found[count++] = ((long) u << 32) | v;
                }
            }
            for (int i = 0, deps = graph.dependencyCount(u); i < deps; i++) {
                viaOthers.set(graph.dependency(u, i));
            }
            reach[u] = viaOthers;
        }
        return unpack(found, count);
    }

    private static int[] unpack(long[] found, int count) {
        Arrays.sort(found, 0, count);
        int[] pairs = new int[count * 2];
        for (int i = 0; i < count; i++) {
            pairs[2 * i] = (int) (found[i] >>> 32);
            pairs[2 * i + 1] = (int) found[i];
        }
        return pairs;
    }
}
