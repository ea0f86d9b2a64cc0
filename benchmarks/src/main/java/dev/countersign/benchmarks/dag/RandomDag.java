package dev.countersign.benchmarks.dag;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A random directed acyclic graph as two edge arrays: edge {@code i} says that node {@code
 * dependent[i]} depends on node {@code dependency[i]}; nodes are {@code 0..nodes-1}.
 *
 * <p>Each edge joins two distinct nodes drawn uniformly, oriented along a random permutation so the
 * node numbers say nothing about the order; no edge is repeated. A fixed seed gives the same graph.
 *
 * The arrays are shared, not copied, so the benchmarks measure only what they mean to.
 */
public final class RandomDag {
    private final int nodes;
    private final int[] dependent;
    private final int[] dependency;

    private RandomDag(int nodes, int[] dependent, int[] dependency) {
        this.nodes = nodes;
        this.dependent = dependent;
        this.dependency = dependency;
    }

    /**
     * Returns the number of nodes.
     *
     * @return the number of nodes
     */
    public int nodes() {
        return nodes;
    }

    /**
     * Returns the dependent end of each edge (shared, not copied).
     *
     * @return the dependents
     */
    public int[] dependent() {
        return dependent;
    }

    /**
     * Returns the dependency end of each edge (shared, not copied).
     *
     * @return the dependencies
     */
    public int[] dependency() {
        return dependency;
    }
    /**
     * Generates a graph.
     *
     * @param nodes the number of nodes, at least 2
     * @param edges the number of distinct edges, at most {@code nodes * (nodes - 1) / 2}
     * @param seed the seed of the random numbers
     * @return the graph
     */
    public static RandomDag generate(int nodes, int edges, long seed) {
        Random random = new Random(seed);
        int[] rank = permutation(nodes, random);
        int[] dependent = new int[edges];
        int[] dependency = new int[edges];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < edges; ) {
            int a = random.nextInt(nodes);
            int b = random.nextInt(nodes);
            int from = rank[a] > rank[b] ? a : b;
            int to = from == a ? b : a;
            if (a != b && seen.add((long) from * nodes + to)) {
                dependent[i] = from;
                dependency[i++] = to;
            }
        }
        return new RandomDag(nodes, dependent, dependency);
    }

    private static int[] permutation(int size, Random random) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Returns the number of edges.
     *
     * @return the number of edges
     */
    public int edges() {
        return dependent.length;
    }
}
