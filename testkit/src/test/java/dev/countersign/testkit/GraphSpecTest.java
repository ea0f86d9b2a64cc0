package dev.countersign.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.dag.Edge;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphSpecTest {
    @Test
    void buildsTheGraphItDescribes() {
        var spec = new GraphSpec(List.of("v1", "v0", "v2"), List.of(new Edge<>("v2", "v1"), new Edge<>("v1", "v0")));

        assertThat(spec.toDag().order()).containsExactly("v0", "v1", "v2");
        assertThat(spec.hasEdge("v2", "v1")).isTrue();
        assertThat(spec.hasEdge("v1", "v2")).isFalse();
        assertThat(spec).hasToString("GraphSpec[nodes=3, edges=v2->v1 v1->v0]");
    }

    @Test
    void rejectsSelfLoopsRepeatsAndUnknownNodes() {
        assertThatThrownBy(() -> new GraphSpec(List.of("v0"), List.of(new Edge<>("v0", "v0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid edge v0 -> v0: a node cannot depend on itself");
        assertThatThrownBy(() -> new GraphSpec(List.of("v0"), List.of(new Edge<>("v0", "v1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid edge v0 -> v1: both ends must be nodes of [v0]");
        assertThatThrownBy(() -> new GraphSpec(List.of("v0", "v0"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node names repeat");
        var edge = new Edge<>("v0", "v1");
        assertThatThrownBy(() -> new GraphSpec(List.of("v0", "v1"), List.of(edge, edge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an edge repeats");
    }
}
