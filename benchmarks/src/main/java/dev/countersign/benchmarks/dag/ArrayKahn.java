package dev.countersign.benchmarks.dag;

import java.util.Arrays;

/**
 * The floor: the least work that computes an order and waves, written directly over int arrays with
 * no validation, no duplicate handling, no tie-break and no generic nodes.
 *
 * <p>{@link #of(RandomDag)} builds the rows of dependents by counting sort and the in-degrees;
 * {@link #run()} runs a FIFO Kahn that assigns each node one more than the highest wave of its
 * dependencies. Its FIFO order is grouped by wave, but within a wave it follows discovery, not a
 * tie-break.
 */
public final class ArrayKahn {
    private final int[] start;
    private final int[] dependents;
    private final int[] indegree;

    private ArrayKahn(int[] start, int[] dependents, int[] indegree) {
        this.start = start;
        this.dependents = dependents;
        this.indegree = indegree;
    }

    /**
     * Builds the arrays Kahn's algorithm needs.
     *
     * @param graph the edges
     * @return the prepared graph
     */
    public static ArrayKahn of(RandomDag graph) {
        int n = graph.nodes();
        int[] start = new int[n + 1];
        int[] indegree = new int[n];
        for (int i = 0; i < graph.edges(); i++) {
            start[graph.dependency()[i] + 1]++;
            indegree[graph.dependent()[i]]++;
        }
        for (int u = 0; u < n; u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, n);
        int[] dependents = new int[graph.edges()];
        for (int i = 0; i < graph.edges(); i++) {
            dependents[next[graph.dependency()[i]]++] = graph.dependent()[i];
        }
        return new ArrayKahn(start, dependents, indegree);
    }

    /**
     * Computes the order and the wave of every node.
     *
     * @return {@code [order, wave]}: the nodes in order, and the wave of each node
     */
    public int[][] run() {
        int n = indegree.length;
        int[] remaining = indegree.clone();
        int[] wave = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int u = 0; u < n; u++) {
            if (remaining[u] == 0) {
                queue[tail++] = u;
            }
        }
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            for (int k = start[u]; k < start[u + 1]; k++) {
                int v = dependents[k];
                wave[v] = Math.max(wave[v], wave[u] + 1);
                if (--remaining[v] == 0) {
                    queue[tail++] = v;
                }
            }
        }
        return new int[][] {queue, wave};
    }
}
