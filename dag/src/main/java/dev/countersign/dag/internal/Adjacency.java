package dev.countersign.dag.internal;

import java.util.Arrays;

/**
 * Both directions of a directed graph over the nodes {@code 0..nodeCount-1}, in compressed sparse rows.
 *
 * <p>Every row is sorted ascending and free of duplicates, so iterating a row visits neighbours in
 * index order. Instances are immutable; the arrays are never handed out.
 */
public final class Adjacency {
    private final int[] dependencyStart;
    private final int[] dependencies;
    private final int[] dependentStart;
    private final int[] dependents;

    private Adjacency(int[] dependencyStart, int[] dependencies, int[] dependentStart, int[] dependents) {
        this.dependencyStart = dependencyStart;
        this.dependencies = dependencies;
        this.dependentStart = dependentStart;
        this.dependents = dependents;
    }

    /**
     * Builds the adjacency of {@code edgeCount} edges, edge {@code i} saying that {@code dependent[i]}
     * depends on {@code dependency[i]}; duplicate edges collapse into one.
     *
     * @param nodeCount the number of nodes
     * @param dependent the dependent end of each edge, each in {@code 0..nodeCount-1}
     * @param dependency the dependency end of each edge, each in {@code 0..nodeCount-1}
     * @param edgeCount how many leading entries of the two arrays are edges
     * @return the adjacency
     */
    public static Adjacency of(int nodeCount, int[] dependent, int[] dependency, int edgeCount) {
        int[] start = new int[nodeCount + 1];
        int[] rows = groupByRow(nodeCount, dependent, dependency, edgeCount, start);
        int[] distinct = sortAndDeduplicateRows(nodeCount, start, rows);
        int[] reverseStart = new int[nodeCount + 1];
        int[] reverse = transpose(nodeCount, start, distinct, reverseStart);
        return new Adjacency(start, distinct, reverseStart, reverse);
    }

    private static int[] groupByRow(int nodeCount, int[] row, int[] column, int edgeCount, int[] start) {
        for (int i = 0; i < edgeCount; i++) {
            start[row[i] + 1]++;
        }
        for (int u = 0; u < nodeCount; u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, nodeCount);
        int[] entries = new int[edgeCount];
        for (int i = 0; i < edgeCount; i++) {
            entries[next[row[i]]++] = column[i];
        }
        return entries;
    }

    private static int[] sortAndDeduplicateRows(int nodeCount, int[] start, int[] entries) {
        int write = 0;
        for (int u = 0; u < nodeCount; u++) {
            int from = start[u];
            int to = start[u + 1];
            start[u] = write;
            if (to - from > 1) {
                Arrays.sort(entries, from, to);
            }
            int previous = -1;
            for (int k = from; k < to; k++) {
                int v = entries[k];
                if (v != previous) {
                    entries[write++] = v;
                    previous = v;
                }
            }
        }
        start[nodeCount] = write;
        return write == entries.length ? entries : Arrays.copyOf(entries, write);
    }

    private static int[] transpose(int nodeCount, int[] start, int[] entries, int[] reverseStart) {
        for (int v : entries) {
            reverseStart[v + 1]++;
        }
        for (int u = 0; u < nodeCount; u++) {
            reverseStart[u + 1] += reverseStart[u];
        }
        int[] next = Arrays.copyOf(reverseStart, nodeCount);
        int[] reverse = new int[entries.length];
        for (int u = 0; u < nodeCount; u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                reverse[next[entries[k]]++] = u;
            }
        }
        return reverse;
    }

    /**
     * Returns the number of nodes.
     *
     * @return the number of nodes
     */
    public int nodeCount() {
        return dependencyStart.length - 1;
    }

    /**
     * Returns the number of distinct edges.
     *
     * @return the number of edges
     */
    public int edgeCount() {
        return dependencies.length;
    }

    /**
     * Returns the direct dependencies of a node, ascending.
     *
     * @param node the node
     * @return a fresh array of the nodes {@code node} depends on
     */
    public int[] dependenciesOf(int node) {
        return Arrays.copyOfRange(dependencies, dependencyStart[node], dependencyStart[node + 1]);
    }

    /**
     * Returns the direct dependents of a node, ascending.
     *
     * @param node the node
     * @return a fresh array of the nodes that depend on {@code node}
     */
    public int[] dependentsOf(int node) {
        return Arrays.copyOfRange(dependents, dependentStart[node], dependentStart[node + 1]);
    }

    /**
     * Returns how many direct dependencies a node has.
     *
     * @param node the node
     * @return the number of nodes {@code node} depends on
     */
    public int dependencyCount(int node) {
        return dependencyStart[node + 1] - dependencyStart[node];
    }

    /**
     * Returns the {@code i}-th direct dependency of a node, counting in ascending order.
     *
     * @param node the node
     * @param i the position, in {@code 0..dependencyCount(node)-1}
     * @return the dependency
     */
    public int dependency(int node, int i) {
        return dependencies[dependencyStart[node] + i];
    }

    /**
     * Returns how many direct dependents a node has.
     *
     * @param node the node
     * @return the number of nodes that depend on {@code node}
     */
    public int dependentCount(int node) {
        return dependentStart[node + 1] - dependentStart[node];
    }

    /**
     * Returns the {@code i}-th direct dependent of a node, counting in ascending order.
     *
     * @param node the node
     * @param i the position, in {@code 0..dependentCount(node)-1}
     * @return the dependent
     */
    public int dependent(int node, int i) {
        return dependents[dependentStart[node] + i];
    }
}
