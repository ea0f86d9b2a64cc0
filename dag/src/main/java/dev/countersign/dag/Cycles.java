package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;

/**
 * Explains why a graph has no order: its cyclic strongly connected components (found by JGraphT) and
 * one shortest cycle through the first node of the first component (found by breadth-first search in
 * index order, so the answer is deterministic).
 */
final class Cycles {
    private Cycles() {}

    /** Builds the exception for a graph whose {@code blocked} nodes could not be ordered. */
    static CycleException exception(Object[] nodes, Adjacency graph, int[] blocked) {
        List<int[]> components = cyclicComponents(graph, blocked);
        List<Object> cycle = new ArrayList<>();
        for (int u : shortestCycle(graph, components.get(0))) {
            cycle.add(nodes[u]);
        }
        List<Set<Object>> named = new ArrayList<>();
        for (int[] component : components) {
            Set<Object> set = new LinkedHashSet<>();
            for (int u : component) {
                set.add(nodes[u]);
            }
            named.add(Collections.unmodifiableSet(set));
        }
        return new CycleException(cycle, named);
    }

    private static List<int[]> cyclicComponents(Adjacency graph, int[] blocked) {
        Graph<Integer, DefaultEdge> residual = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (int u : blocked) {
            residual.addVertex(u);
        }
        for (int u : blocked) {
            for (int i = 0, count = graph.dependencyCount(u); i < count; i++) {
                int v = graph.dependency(u, i);
                if (residual.containsVertex(v)) {
                    residual.addEdge(u, v);
                }
            }
        }
        return new KosarajuStrongConnectivityInspector<>(residual)
                .stronglyConnectedSets().stream()
                        .filter(component -> component.size() > 1)
                        .map(component -> component.stream()
                                .mapToInt(Integer::intValue)
                                .sorted()
                                .toArray())
                        .sorted(Comparator.comparingInt(component -> component[0]))
                        .toList();
    }

    /** Returns a shortest cycle through {@code component[0]} along dependencies, as a closed path. */
    private static int[] shortestCycle(Adjacency graph, int[] component) {
        int start = component[0];
        int[] parent = new int[graph.nodeCount()];
        Arrays.fill(parent, -2);
        for (int u : component) {
            parent[u] = -1;
        }
        int[] queue = new int[component.length];
        int tail = 0;
        queue[tail++] = start;
        parent[start] = start;
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            for (int i = 0, count = graph.dependencyCount(u); i < count; i++) {
                int v = graph.dependency(u, i);
                if (v == start) {
                    return path(parent, start, u);
                }
                if (parent[v] == -1) {
                    parent[v] = u;
                    queue[tail++] = v;
                }
            }
        }
        throw new IllegalStateException("a cyclic component has no cycle through " + start);
    }

    private static int[] path(int[] parent, int start, int last) {
        List<Integer> reversed = new ArrayList<>();
        reversed.add(start);
        for (int u = last; u != start; u = parent[u]) {
            reversed.add(u);
        }
        reversed.add(start);
        Collections.reverse(reversed);
        return reversed.stream().mapToInt(Integer::intValue).toArray();
    }
}
