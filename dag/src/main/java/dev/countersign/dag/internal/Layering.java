package dev.countersign.dag.internal;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The waves of a graph given as an {@link Adjacency}: a node's wave is one more than the highest wave
 * of its dependencies, or 0 without any; the order lists wave after wave, each ascending by index.
 *
 * <p>Computed by Kahn's algorithm over the arrays in {@code O(nodes + edges)}: a FIFO pass assigns
 * waves, then a counting sort by wave (stable in index order) produces the order, so no comparison
 * sort runs. If the graph has a cycle, the nodes on or behind it stay unplaced ({@link #blocked()}).
 * Instances are immutable; the arrays are never handed out.
 */
public final class Layering {
    private final int[] order;
    private final int[] waveStart;
    private final int[] waveOf;
    private final int[] blocked;

    private Layering(int[] order, int[] waveStart, int[] waveOf, int[] blocked) {
        this.order = order;
        this.waveStart = waveStart;
        this.waveOf = waveOf;
        this.blocked = blocked;
    }

    /**
     * Computes the waves of a graph.
     *
     * @param graph the graph
     * @return its layering; {@link #isAcyclic()} tells whether every node was placed
     */
    public static Layering of(Adjacency graph) {
        int n = graph.nodeCount();
        int[] remaining = new int[n];
        int[] wave = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int u = 0; u < n; u++) {
            remaining[u] = graph.dependencyCount(u);
            if (remaining[u] == 0) {
                queue[tail++] = u;
            }
        }
        int waves = n == 0 ? 0 : 1;
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            int next = wave[u] + 1;
            for (int i = 0, count = graph.dependentCount(u); i < count; i++) {
                int v = graph.dependent(u, i);
                wave[v] = Math.max(wave[v], next);
                if (--remaining[v] == 0) {
                    queue[tail++] = v;
                    waves = Math.max(waves, next + 1);
                }
            }
        }
        if (tail < n) {
            return new Layering(new int[0], new int[] {0}, wave, unplaced(remaining));
        }
        return layered(wave, waves);
    }

    private static int[] unplaced(int[] remaining) {
        return IntStream.range(0, remaining.length)
                .filter(u -> remaining[u] > 0)
                .toArray();
    }

    private static Layering layered(int[] wave, int waves) {
        int[] start = new int[waves + 1];
        for (int w : wave) {
            start[w + 1]++;
        }
        for (int w = 0; w < waves; w++) {
            start[w + 1] += start[w];
        }
        int[] next = Arrays.copyOf(start, waves);
        int[] order = new int[wave.length];
        for (int u = 0; u < wave.length; u++) {
            order[next[wave[u]]++] = u;
        }
        return new Layering(order, start, wave, new int[0]);
    }

    /**
     * Tells whether every node was placed, which is the case exactly when the graph has no cycle.
     *
     * @return {@code true} if the graph is acyclic
     */
    public boolean isAcyclic() {
        return blocked.length == 0;
    }

    /**
     * Returns the nodes that could not be placed: those on a cycle and those depending on one.
     *
     * @return a fresh ascending array, empty if the graph is acyclic
     */
    public int[] blocked() {
        return blocked.clone();
    }

    /**
     * Returns the number of waves.
     *
     * @return the number of waves, 0 for an empty or cyclic graph
     */
    public int waveCount() {
        return waveStart.length - 1;
    }

    /**
     * Returns the node at a position of the order.
     *
     * @param position the position, in {@code 0..nodeCount-1}
     * @return the node
     */
    public int nodeAt(int position) {
        return order[position];
    }

    /**
     * Returns the position in the order where a wave begins; {@code waveStart(waveCount())} is the
     * node count.
     *
     * @param wave the wave, in {@code 0..waveCount()}
     * @return the position of the wave's first node
     */
    public int waveStart(int wave) {
        return waveStart[wave];
    }

    /**
     * Returns the wave of a node.
     *
     * @param node the node of an acyclic graph
     * @return its wave
     */
    public int waveOf(int node) {
        return waveOf[node];
    }
}
