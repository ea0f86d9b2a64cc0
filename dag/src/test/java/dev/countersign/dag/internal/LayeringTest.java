package dev.countersign.dag.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LayeringTest {

    private static int[] order(Layering layering, int nodeCount) {
        return IntStream.range(0, nodeCount).map(layering::nodeAt).toArray();
    }

    @Nested
    class WhenAcyclic {
        /** 3 -> 1 -> 0, 3 -> 2, 4 alone: waves {0, 2, 4}, {1}, {3}. */
        private final Layering layering = Layering.of(Adjacency.of(5, new int[] {3, 1, 3}, new int[] {1, 0, 2}, 3));

        @Test
        void ordersWaveByWaveAscendingWithinAWave() {
            assertThat(order(layering, 5)).containsExactly(0, 2, 4, 1, 3);
        }

        @Test
        void placesEachNodeOneWaveAfterItsDeepestDependency() {
            assertThat(IntStream.range(0, 5).map(layering::waveOf)).containsExactly(0, 1, 0, 2, 0);
            assertThat(layering.waveCount()).isEqualTo(3);
            assertThat(layering.waveStart(1)).isEqualTo(3);
            assertThat(layering.waveStart(3)).isEqualTo(5);
        }

        @Test
        void blocksNothing() {
            assertThat(layering.isAcyclic()).isTrue();
            assertThat(layering.blocked()).isEmpty();
        }
    }

    @Nested
    class WhenCyclic {
        /** 0 <-> 1, 2 depends on 1, 3 alone. */
        private final Layering layering = Layering.of(Adjacency.of(4, new int[] {0, 1, 2}, new int[] {1, 0, 1}, 3));

        @Test
        void blocksTheCycleAndWhatDependsOnIt() {
            assertThat(layering.isAcyclic()).isFalse();
            assertThat(layering.blocked()).containsExactly(0, 1, 2);
            assertThat(layering.waveCount()).isZero();
        }
    }

    @Test
    void layersAnEmptyGraph() {
        Layering empty = Layering.of(Adjacency.of(0, new int[0], new int[0], 0));

        assertThat(empty.isAcyclic()).isTrue();
        assertThat(empty.waveCount()).isZero();
    }
}
