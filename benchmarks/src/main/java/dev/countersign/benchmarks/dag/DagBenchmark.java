package dev.countersign.benchmarks.dag;

import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Order and waves of a random DAG with five edges per node: Countersign's {@code Dag}, JGraphT's
 * {@code TopologicalOrderIterator} and a plain array Kahn, measured in one run.
 *
 * <p>The {@code fromEdges*} benchmarks start from the same edge arrays and include building each
 * library's structure (for {@code Dag}: the builder's node map, validation, tie-break sort, sparse
 * rows, duplicate removal, waves and order). The {@code prebuilt*} benchmarks start from the built
 * structure and measure the order and waves alone; for Countersign that is {@code Layering}, the
 * internal step {@code Dag} runs when it builds. Nodes are added in a shuffled order (fixed seed), as
 * a host would add them, so the tie-break sort does real work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DagBenchmark {
    /** The number of nodes; the graph has five times as many edges. */
    @Param({"10000", "100000"})
    public int nodes;

    private RandomDag graph;
    private Integer[] boxed;
    private List<Integer> insertionOrder;
    private Adjacency adjacency;
    private ArrayKahn arrayKahn;
    private JGraphTOrder jgrapht;

    /** Generates the graph from a fixed seed and prepares each peer's structure. */
    @Setup
    public void setUp() {
        graph = RandomDag.generate(nodes, 5 * nodes, 20261124L);
        boxed = new Integer[nodes];
        Arrays.setAll(boxed, Integer::valueOf);
        insertionOrder = new ArrayList<>(Arrays.asList(boxed));
        Collections.shuffle(insertionOrder, new Random(20261124L));
        adjacency = Adjacency.of(nodes, graph.dependent(), graph.dependency(), graph.edges());
        arrayKahn = ArrayKahn.of(graph);
        jgrapht = JGraphTOrder.of(graph, insertionOrder);
    }

    /**
     * Builds a {@code Dag} from the edges and reads its order and waves.
     *
     * @param bh consumes the results
     */
    @Benchmark
    public void fromEdgesCountersignDag(Blackhole bh) {
        DagBuilder<Integer> builder = Dag.<Integer>builder().nodes(insertionOrder);
        int[] dependent = graph.dependent();
        int[] dependency = graph.dependency();
        for (int i = 0; i < dependent.length; i++) {
            builder.dependsOn(boxed[dependent[i]], boxed[dependency[i]]);
        }
        Dag<Integer> dag = builder.build();
        bh.consume(dag.order());
        bh.consume(dag.waves());
    }

    /**
     * Builds a JGraphT graph from the edges and runs {@code TopologicalOrderIterator} plus waves.
     *
     * @param bh consumes the results
     */
    @Benchmark
    public void fromEdgesJGraphT(Blackhole bh) {
        bh.consume(JGraphTOrder.of(graph, insertionOrder).run());
    }

    /**
     * Builds the floor's arrays from the edges and runs its Kahn.
     *
     * @param bh consumes the results
     */
    @Benchmark
    public void fromEdgesArrayKahn(Blackhole bh) {
        bh.consume(ArrayKahn.of(graph).run());
    }

    /**
     * Computes order and waves over Countersign's prebuilt sparse rows.
     *
     * @param bh consumes the results
     */
    @Benchmark
    public void prebuiltCountersignLayering(Blackhole bh) {
        bh.consume(Layering.of(adjacency));
    }

    /**
     * Runs {@code TopologicalOrderIterator} plus waves over a prebuilt JGraphT graph.
     *
     * @param bh consumes the results
     */
    @Benchmark
    public void prebuiltJGraphT(Blackhole bh) {
        bh.consume(jgrapht.run());
    }

    /**
     * Runs the floor's Kahn over its prebuilt arrays.
     *
     * @param bh consumes the results
     */
    @Benchmark
    public void prebuiltArrayKahn(Blackhole bh) {
        bh.consume(arrayKahn.run());
    }
}
