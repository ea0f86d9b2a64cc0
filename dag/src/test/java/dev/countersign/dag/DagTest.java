package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DagTest {

    /** web -> api -> db, web -> cache, worker -> db, and the redundant web -> db. */
    static Dag<String> shop() {
        return Dag.<String>builder()
                .nodes(List.of("web", "api", "db", "cache", "worker"))
                .dependsOn("web", "api")
                .dependsOn("api", "db")
                .dependsOn("web", "cache")
                .dependsOn("worker", "db")
                .dependsOn("web", "db")
                .build();
    }

    @Nested
    class Order {
        @Test
        void putsDependenciesFirst() {
            assertThat(shop().order()).containsExactly("cache", "db", "api", "worker", "web");
        }

        @Test
        void breaksTiesWithTheComparator() {
            Dag<String> reversed = Dag.builder(Comparator.<String>reverseOrder())
                    .nodes(List.of("a", "b", "c"))
                    .build();

            assertThat(reversed.order()).containsExactly("c", "b", "a");
        }

        @Test
        void reversesTheOrderForTeardown() {
            assertThat(shop().teardown()).containsExactly("web", "worker", "api", "db", "cache");
        }

        @Test
        void ordersAnEmptyGraph() {
            Dag<String> empty = Dag.<String>builder().build();

            assertThat(empty.order()).isEmpty();
            assertThat(empty.waves()).isEmpty();
            assertThat(empty.size()).isZero();
        }

        @Test
        void hasUnmodifiableResults() {
            assertThatThrownBy(() -> shop().order().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> shop().waves().get(0).clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Waves {
        @Test
        void groupsNodesByLongestChainOfDependencies() {
            assertThat(shop().waves())
                    .containsExactly(List.of("cache", "db"), List.of("api", "worker"), List.of("web"));
        }

        @Test
        void numbersTheWaveOfEachNode() {
            Dag<String> dag = shop();

            assertThat(dag.waveOf("db")).isZero();
            assertThat(dag.waveOf("worker")).isEqualTo(1);
            assertThat(dag.waveOf("web")).isEqualTo(2);
        }

        @Test
        void rejectsTheWaveOfAnUnknownNode() {
            assertThatThrownBy(() -> shop().waveOf("queue"))
                    .isInstanceOf(UnknownNodeException.class)
                    .hasMessage("unknown node 'queue': not in this graph");
        }
    }

    @Nested
    class Neighbours {
        @Test
        void listsDirectDependenciesInTieBreakOrder() {
            assertThat(shop().directDependenciesOf("web")).containsExactly("api", "cache", "db");
        }

        @Test
        void listsDirectDependents() {
            assertThat(shop().directDependentsOf("db")).containsExactly("api", "web", "worker");
        }

        @Test
        void listsTransitiveDependenciesInDeployOrder() {
            assertThat(shop().dependenciesOf("web")).containsExactly("cache", "db", "api");
            assertThat(shop().dependenciesOf("db")).isEmpty();
        }

        @Test
        void reportsTheBlastRadiusAsTransitiveDependents() {
            assertThat(shop().dependentsOf("db")).containsExactly("api", "worker", "web");
            assertThat(shop().dependentsOf("cache")).containsExactly("web");
        }

        @Test
        void rejectsAnUnknownNode() {
            assertThatThrownBy(() -> shop().dependentsOf("queue"))
                    .isInstanceOfSatisfying(
                            UnknownNodeException.class,
                            e -> assertThat(e.node()).isEqualTo("queue"));
        }
    }

    @Nested
    class Closures {
        @Test
        void plansASelectionWithEverythingItNeeds() {
            Dag<String> plan = shop().withDependencies(Set.of("api"));

            assertThat(plan.order()).containsExactly("db", "api");
            assertThat(plan.edges()).containsExactly(new Edge<>("api", "db"));
        }

        @Test
        void collectsEverythingThatNeedsASelection() {
            Dag<String> affected = shop().withDependents(Set.of("api", "cache"));

            assertThat(affected.order()).containsExactly("api", "cache", "web");
            assertThat(affected.waves()).containsExactly(List.of("api", "cache"), List.of("web"));
        }

        @Test
        void keepsTheTieBreakInTheClosure() {
            Dag<String> dag = Dag.builder(Comparator.<String>reverseOrder())
                    .nodes(List.of("a", "b", "c"))
                    .dependsOn("c", "a")
                    .build();

            assertThat(dag.withDependents(Set.of("a", "b")).order()).containsExactly("b", "a", "c");
        }

        @Test
        void rejectsAnUnknownNodeInTheSelection() {
            assertThatThrownBy(() -> shop().withDependencies(Set.of("db", "queue")))
                    .isInstanceOf(UnknownNodeException.class)
                    .hasMessageContaining("'queue'");
        }

        @Test
        void closesAnEmptySelectionToAnEmptyGraph() {
            assertThat(shop().withDependencies(Set.of()).size()).isZero();
        }
    }

    @Nested
    class Structure {
        @Test
        void listsNodesInTieBreakOrder() {
            assertThat(shop().nodes()).containsExactly("api", "cache", "db", "web", "worker");
        }

        @Test
        void answersMembership() {
            assertThat(shop().nodes()).contains("db").doesNotContain("queue");
        }

        @Test
        void listsEdgesSortedByDependentThenDependency() {
            assertThat(shop().edges())
                    .containsExactly(
                            new Edge<>("api", "db"),
                            new Edge<>("web", "api"),
                            new Edge<>("web", "cache"),
                            new Edge<>("web", "db"),
                            new Edge<>("worker", "db"));
        }

        @Test
        void reportsRedundantEdges() {
            assertThat(shop().redundantEdges()).containsExactly(new Edge<>("web", "db"));
        }

        @Test
        void summarisesItself() {
            assertThat(shop()).hasToString("Dag[nodes=5, edges=5, waves=3]");
        }
    }
}
