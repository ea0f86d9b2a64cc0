package dev.countersign.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.dag.CycleException;
import dev.countersign.dag.Dag;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DagGenTest {
    private static final int EXAMPLES = 300;

    @Nested
    class Acyclic {
        @Test
        void buildsAndOrdersEveryDependencyFirst() {
            qt().withExamples(EXAMPLES).forAll(DagGen.acyclic(30)).checkAssert(spec -> {
                Dag<String> dag = spec.toDag();
                List<String> order = dag.order();

                assertThat(order).containsExactlyInAnyOrderElementsOf(spec.nodes());
                assertThat(spec.edges())
                        .allSatisfy(e ->
                                assertThat(order.indexOf(e.dependency())).isLessThan(order.indexOf(e.dependent())));
                assertThat(dag.edges()).containsExactlyInAnyOrderElementsOf(spec.edges());
            });
        }

        @Test
        void staysWithinItsBounds() {
            qt().withExamples(EXAMPLES).forAll(DagGen.acyclic(7)).checkAssert(spec -> {
                assertThat(spec.nodes()).hasSizeBetween(1, 7).allMatch(n -> n.matches("v[0-6]"));
                assertThat(spec.edges())
                        .hasSizeLessThanOrEqualTo(3 * spec.nodes().size());
            });
        }

        @Test
        void reachesGraphsWithEdgesAndSingleNodes() {
            var sizes = new HashSet<Integer>();
            var edgeCounts = new HashSet<Integer>();
            qt().withExamples(EXAMPLES).forAll(DagGen.acyclic(3)).checkAssert(spec -> {
                sizes.add(spec.nodes().size());
                edgeCounts.add(spec.edges().size());
            });
            assertThat(sizes).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(edgeCounts).contains(0, 1, 2);
        }

        @Test
        void buildsDagsDirectly() {
            qt().withExamples(EXAMPLES)
                    .forAll(DagGen.dags(12))
                    .checkAssert(dag -> assertThat(
                                    dag.waves().stream().mapToInt(List::size).sum())
                            .isEqualTo(dag.size())
                            .isBetween(1, 12));
        }

        @Test
        void shrunkGraphsStayAcyclic() {
            List<GraphSpec> tried = Shrinking.valuesTried(
                    DagGen.acyclic(20), spec -> spec.edges().size() < 4);

            assertThat(tried).hasSizeGreaterThan(1);
            assertThat(tried)
                    .allSatisfy(spec -> assertThat(spec.toDag().size())
                            .isEqualTo(spec.nodes().size()));
        }
    }

    @Nested
    class WithCycle {
        @Test
        void isReportedAsACycleAlongItsOwnEdges() {
            qt().withExamples(EXAMPLES).forAll(DagGen.withCycle(30)).checkAssert(spec -> {
                assertThat(spec.nodes()).hasSizeBetween(2, 30);
                assertThatThrownBy(spec::toDag).isInstanceOfSatisfying(CycleException.class, e -> {
                    List<Object> cycle = e.cycle();
                    assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
                    for (int i = 0; i + 1 < cycle.size(); i++) {
                        assertThat(spec.hasEdge((String) cycle.get(i), (String) cycle.get(i + 1)))
                                .as("edge %s -> %s of %s", cycle.get(i), cycle.get(i + 1), spec)
                                .isTrue();
                    }
                });
            });
        }

        @Test
        void shrunkGraphsStillHaveACycle() {
            List<GraphSpec> tried = Shrinking.valuesTried(
                    DagGen.withCycle(20), spec -> spec.nodes().size() < 5);

            assertThat(tried).hasSizeGreaterThan(1);
            assertThat(tried).allSatisfy(spec -> assertThatThrownBy(spec::toDag).isInstanceOf(CycleException.class));
        }
    }

    @Test
    void rejectsSizesOutOfRangeNamingTheRule() {
        assertThatThrownBy(() -> DagGen.acyclic(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid maxNodes 0: must be between 1 and 1000");
        assertThatThrownBy(() -> DagGen.withCycle(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid maxNodes 1: must be between 2 and 1000");
        assertThatThrownBy(() -> DagGen.dags(1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
