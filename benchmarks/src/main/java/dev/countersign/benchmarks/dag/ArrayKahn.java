package dev.countersign.benchmarks.dag;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The floor: the least work that computes an order and waves, written directly over int arrays with
 * no validation, no duplicate handling, no tie-break and no generic nodes.
 *
 * <p>{@link #of(RandomDag)} builds the rows of dependents by counting sort and the in-degrees
 * ({@link #ofObjects} first maps node objects to indexes);
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
     * Builds the arrays Kahn's algorithm needs from int edges.
     *
     * @param graph the edges
     * @return the prepared graph
     */
    public static ArrayKahn of(RandomDag graph) {
        return of(graph.nodes(), graph.dependent(), graph.dependency());
    }

    /**
     * Builds the arrays from node objects, as any API over objects must: every edge end is looked up
     * in a {@code HashMap} from node to index first. This is the floor for a generic graph; it still
     * skips validation, duplicate edges and the tie-break.
     *
     * @param graph the edges, between {@code boxed[i]}
     * @param nodes the node objects in the order they are added
     * @param boxed the node objects by number
     * @return the prepared graph
     */
    public static ArrayKahn ofObjects(RandomDag graph, List<Integer> nodes, Integer[] boxed) {
        Map<Integer, Integer> index = new HashMap<>();
        for (Integer node : nodes) {
            index.put(node, index.size());
        }
        int[] dependent = new int[graph.edges()];
        int[] dependency = new int[graph.edges()];
        for (int i = 0; i < graph.edges(); i++) {
            dependent[i] = Objects.requireNonNull(index.get(boxed[graph.dependent()[i]]));
            dependency[i] = Objects.requireNonNull(index.get(boxed[graph.dependency()[i]]));
        }
        return of(graph.nodes(), dependent, dependency);
    }

    private static ArrayKahn of(int n, int[] dependentOf, int[] dependencyOf) {
        int edges = dependentOf.length;
        int[] start = new int[n + 1];
        int[] indegree = new int[n];
        for (int i = 0; i < edges; i++) {
            start[dependencyOf[i] + 1]++;
            indegree[dependentOf[i]]++;
        }
        for (int u = 0; u < n; u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, n);
        int[] dependents = new int[edges];
        for (int i = 0; i < edges; i++) {
            dependents[next[dependencyOf[i]]++] = dependentOf[i];
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
