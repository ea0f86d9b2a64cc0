package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DagBuilderTest {

    @Nested
    class WhenInputIsBad {
        @Test
        void rejectsADuplicateNodeNamingIt() {
            DagBuilder<String> builder = Dag.<String>builder().node("db");

            assertThatThrownBy(() -> builder.node("db"))
                    .isInstanceOfSatisfying(
                            DuplicateNodeException.class,
                            e -> assertThat(e.node()).isEqualTo("db"))
                    .hasMessage("duplicate node 'db': each node is added once");
        }

        @Test
        void rejectsAnEdgeToAnUnknownNode() {
            DagBuilder<String> builder = Dag.<String>builder().node("api");

            assertThatThrownBy(() -> builder.dependsOn("api", "db"))
                    .isInstanceOfSatisfying(
                            UnknownNodeException.class,
                            e -> assertThat(e.node()).isEqualTo("db"))
                    .hasMessage("unknown node 'db': add it with node() before naming it in dependsOn()");
        }

        @Test
        void rejectsAnEdgeFromAnUnknownNode() {
            DagBuilder<String> builder = Dag.<String>builder().node("db");

            assertThatThrownBy(() -> builder.dependsOn("api", "db"))
                    .isInstanceOf(UnknownNodeException.class)
                    .hasMessageStartingWith("unknown node 'api'");
        }

        @Test
        void rejectsASelfLoopNamingTheNode() {
            DagBuilder<String> builder = Dag.<String>builder().node("db");

            assertThatThrownBy(() -> builder.dependsOn("db", "db"))
                    .isInstanceOfSatisfying(
                            SelfLoopException.class, e -> assertThat(e.node()).isEqualTo("db"))
                    .hasMessage("self-loop on node 'db': a node cannot depend on itself");
        }

        @Test
        void rejectsAComparatorThatTiesDistinctNodes() {
            DagBuilder<String> builder =
                    Dag.builder(Comparator.comparingInt(String::length)).nodes(List.of("db", "api", "io"));

            assertThatThrownBy(builder::build)
                    .isInstanceOfSatisfying(TieBreakException.class, e -> {
                        assertThat(List.of(e.first(), e.second())).containsExactlyInAnyOrder("db", "io");
                    })
                    .hasMessageContaining("the tie-break must order every two distinct nodes");
        }

        @Test
        void addsNoneOfABatchWithADuplicate() {
            DagBuilder<String> builder = Dag.<String>builder().node("a");

            assertThatThrownBy(() -> builder.nodes(List.of("b", "c", "b")))
                    .isInstanceOf(DuplicateNodeException.class)
                    .hasMessageContaining("'b'");
            assertThat(builder.nodes(List.of("b", "c")).build().nodes()).containsExactly("a", "b", "c");
        }

        @Test
        void keepsTheBuilderUsableAfterARejectedEdge() {
            DagBuilder<String> builder = Dag.<String>builder().nodes(List.of("a", "b"));
            assertThatThrownBy(() -> builder.dependsOn("a", "a")).isInstanceOf(SelfLoopException.class);

            assertThat(builder.dependsOn("b", "a").build().order()).containsExactly("a", "b");
        }
    }

    @Nested
    class WhenInputIsFine {
        @Test
        void collapsesARepeatedEdge() {
            Dag<String> dag = Dag.<String>builder()
                    .nodes(List.of("a", "b"))
                    .dependsOn("b", "a")
                    .dependsOn("b", "a")
                    .build();

            assertThat(dag.edges()).containsExactly(new Edge<>("b", "a"));
        }

        @Test
        void growsPastItsInitialCapacity() {
            DagBuilder<Integer> builder = Dag.<Integer>builder().node(0);
            for (int i = 1; i < 100; i++) {
                builder.node(i).dependsOn(i, i - 1);
            }

            assertThat(builder.build().waves()).hasSize(100);
        }

        @Test
        void buildsAgainAfterMoreNodesWithoutChangingTheFirstGraph() {
            DagBuilder<String> builder = Dag.<String>builder().node("a");
            Dag<String> first = builder.build();

            Dag<String> second = builder.node("b").dependsOn("b", "a").build();

            assertThat(first.nodes()).containsExactly("a");
            assertThat(first.nodes().contains("b")).isFalse();
            assertThat(second.order()).containsExactly("a", "b");
        }

        @Test
        void ignoresTheOrderNodesWereAdded() {
            Dag<String> forwards = Dag.<String>builder()
                    .nodes(List.of("a", "b", "c"))
                    .dependsOn("c", "a")
                    .build();
            Dag<String> backwards = Dag.<String>builder()
                    .nodes(List.of("c", "b", "a"))
                    .dependsOn("c", "a")
                    .build();

            assertThat(backwards.order()).isEqualTo(forwards.order()).containsExactly("a", "b", "c");
        }
    }
}
