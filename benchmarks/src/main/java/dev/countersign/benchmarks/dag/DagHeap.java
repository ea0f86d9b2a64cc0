package dev.countersign.benchmarks.dag;

import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reports the heap each peer's built structure retains for a random DAG with five edges per node:
 * used heap after full garbage collections, with the structure held, minus the same without it; the
 * median of five builds. The nodes themselves ({@code Integer}s) exist before and are not counted.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.countersign.benchmarks.dag.DagHeap [nodes]} (default 100000).
 */
public final class DagHeap {
    private static final int SAMPLES = 5;

    private DagHeap() {}

    /**
     * Prints one line per peer.
     *
     * @param args optionally the number of nodes
     */
    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        RandomDag graph = RandomDag.generate(nodes, 5 * nodes, 20261124L);
        Integer[] boxed = new Integer[nodes];
        Arrays.setAll(boxed, Integer::valueOf);
        System.out.printf(Locale.ROOT, "retained heap, %d nodes / %d edges%n", nodes, graph.edges());
        report("countersign Dag (with order and waves)", () -> dag(graph, boxed));
        report("JGraphT SimpleDirectedGraph", () -> JGraphTOrder.of(graph, Arrays.asList(boxed)));
        report("array Kahn floor (rows + in-degrees)", () -> ArrayKahn.of(graph));
    }

    static Dag<Integer> dag(RandomDag graph, Integer[] boxed) {
        DagBuilder<Integer> builder = Dag.<Integer>builder().nodes(Arrays.asList(boxed));
        for (int i = 0; i < graph.edges(); i++) {
            builder.dependsOn(boxed[graph.dependent()[i]], boxed[graph.dependency()[i]]);
        }
        return builder.build();
    }

    private static void report(String name, Supplier<Object> build) {
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long before = usedAfterGc();
            Object held = build.get();
            try {
                samples[i] = usedAfterGc() - before;
            } finally {
                Reference.reachabilityFence(held);
            }
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "%-42s %8.1f MB%n", name, samples[SAMPLES / 2] / (1024.0 * 1024.0));
    }

    @SuppressWarnings("SystemGc") // measuring retained heap is the point
    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
