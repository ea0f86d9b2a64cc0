package dev.countersign.benchmarks.dag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.dag.Dag;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peers of the benchmark must compute the same thing, or the comparison means nothing. */
class DagBenchmarkTest {
    private static final RandomDag GRAPH = RandomDag.generate(2_000, 10_000, 7L);

    private static Integer[] boxed() {
        Integer[] boxed = new Integer[GRAPH.nodes()];
        Arrays.setAll(boxed, Integer::valueOf);
        return boxed;
    }

    @Test
    void generatesTheRequestedNumberOfDistinctEdges() {
        long distinct = java.util.stream.IntStream.range(0, GRAPH.edges())
                .mapToLong(i -> (long) GRAPH.dependent()[i] * GRAPH.nodes() + GRAPH.dependency()[i])
                .distinct()
                .count();

        assertThat(distinct).isEqualTo(10_000);
    }

    @Test
    void allPeersFindTheSameWaves() {
        Dag<Integer> dag = DagHeap.dag(GRAPH, boxed());
        int[][] floor = ArrayKahn.of(GRAPH).run();
        JGraphTOrder.Plan jgrapht =
                JGraphTOrder.of(GRAPH, Arrays.asList(boxed())).run();

        for (int u = 0; u < GRAPH.nodes(); u++) {
            assertThat(floor[1][u]).isEqualTo(dag.waveOf(u));
        }
        assertThat(jgrapht.waveCount()).isEqualTo(dag.waves().size()).isGreaterThan(5);
    }

    @Test
    void allPeersOrderDependenciesFirst() {
        int[][] floor = ArrayKahn.of(GRAPH).run();
        List<Integer> jgrapht =
                JGraphTOrder.of(GRAPH, Arrays.asList(boxed())).run().order();
        int[] floorPosition = new int[GRAPH.nodes()];
        for (int p = 0; p < floor[0].length; p++) {
            floorPosition[floor[0][p]] = p;
        }

        for (int i = 0; i < GRAPH.edges(); i++) {
            int dependent = GRAPH.dependent()[i];
            int dependency = GRAPH.dependency()[i];
            assertThat(floorPosition[dependency]).isLessThan(floorPosition[dependent]);
            assertThat(jgrapht.indexOf(dependency)).isLessThan(jgrapht.indexOf(dependent));
        }
    }
}
