package dev.countersign.dag.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdjacencyTest {
    /** 2 depends on 0 (twice) and 1; 1 depends on 0. */
    private static Adjacency sample() {
        return Adjacency.of(3, new int[] {2, 1, 2, 2, 99}, new int[] {1, 0, 0, 0, 99}, 4);
    }

    @Test
    void sortsRowsAndDropsRepeatedEdges() {
        Adjacency graph = sample();

        assertThat(graph.edgeCount()).isEqualTo(3);
        assertThat(graph.dependenciesOf(2)).containsExactly(0, 1);
        assertThat(graph.dependencyCount(2)).isEqualTo(2);
        assertThat(graph.dependency(2, 1)).isEqualTo(1);
    }

    @Test
    void transposesIntoSortedDependents() {
        Adjacency graph = sample();

        assertThat(graph.dependentsOf(0)).containsExactly(1, 2);
        assertThat(graph.dependentCount(2)).isZero();
        assertThat(graph.dependent(1, 0)).isEqualTo(2);
    }

    @Test
    void readsOnlyTheGivenNumberOfEdges() {
        assertThat(sample().nodeCount()).isEqualTo(3);
        assertThat(Adjacency.of(2, new int[] {1}, new int[] {0}, 0).edgeCount()).isZero();
    }

    @Test
    void handsOutCopies() {
        Adjacency graph = sample();
        graph.dependenciesOf(2)[0] = 7;

        assertThat(graph.dependenciesOf(2)).containsExactly(0, 1);
    }
}
