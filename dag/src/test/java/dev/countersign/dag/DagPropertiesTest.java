package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.countersign.dag.DagGenerators.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.TransitiveReduction;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

class DagPropertiesTest {
    private static final int EXAMPLES = 300;

    private static QuickTheory theory() {
        return qt().withFixedSeed(20261124L).withExamples(EXAMPLES);
    }

    @Test
    void ordersEveryNodeOnceWithEveryEdgePointingForward() {
        theory().forAll(DagGenerators.acyclic()).checkAssert(spec -> {
            Dag<String> dag = spec.builder(spec.seed()).build();
            List<String> order = dag.order();

            assertThat(order).containsExactlyInAnyOrderElementsOf(spec.nodes());
            for (int[] e : spec.edges()) {
                assertThat(order.indexOf(Spec.name(e[1]))).isLessThan(order.indexOf(Spec.name(e[0])));
            }
        });
    }

    @Test
    void layersIntoMinimalWavesWithNoEdgeInsideAWave() {
        theory().forAll(DagGenerators.acyclic()).checkAssert(spec -> {
            Dag<String> dag = spec.builder(spec.seed()).build();

            for (int[] e : spec.edges()) {
                assertThat(dag.waveOf(Spec.name(e[0]))).isGreaterThan(dag.waveOf(Spec.name(e[1])));
            }
            List<List<String>> waves = dag.waves();
            for (int k = 0; k < waves.size(); k++) {
                for (String node : waves.get(k)) {
                    assertThat(dag.waveOf(node)).isEqualTo(k);
                    int wave = k;
                    assertThat(
                                    k == 0
                                            ? dag.directDependenciesOf(node).isEmpty()
                                            : dag.directDependenciesOf(node).stream()
                                                    .anyMatch(d -> dag.waveOf(d) == wave - 1))
                            .as("%s in wave %d has a dependency in the wave before", node, k)
                            .isTrue();
                }
            }
            assertThat(waves.stream().flatMap(List::stream).toList()).isEqualTo(dag.order());
        });
    }

    @Test
    void reportsARealCycleWhenOneIsInjected() {
        theory().forAll(DagGenerators.cyclic()).checkAssert(spec -> {
            CycleException e = catchThrowableOfType(CycleException.class, spec.builder(spec.seed())::build);

            assertThat(e).as("a graph with an injected cycle is rejected").isNotNull();
            List<Object> cycle = e.cycle();
            assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
            assertThat(new HashSet<>(cycle.subList(1, cycle.size()))).hasSize(cycle.size() - 1);
            for (int i = 0; i + 1 < cycle.size(); i++) {
                assertThat(spec.hasEdge((String) cycle.get(i), (String) cycle.get(i + 1)))
                        .as("%s depends on %s", cycle.get(i), cycle.get(i + 1))
                        .isTrue();
            }
            assertThat(e.components().get(0)).containsAll(cycle);
        });
    }

    @Test
    void ignoresTheOrderInWhichNodesAndEdgesWereAdded() {
        theory().forAll(DagGenerators.acyclic(), longs().all()).checkAssert((spec, shuffle) -> {
            Dag<String> first = spec.builder(spec.seed()).build();
            Dag<String> second = spec.builder(shuffle).build();

            assertThat(second.order()).isEqualTo(first.order());
            assertThat(second.waves()).isEqualTo(first.waves());
            assertThat(second.edges()).isEqualTo(first.edges());
            assertThat(second.toDot()).isEqualTo(first.toDot());
        });
    }

    @Test
    void namesTheSameCycleWhateverTheInsertionOrder() {
        theory().forAll(DagGenerators.cyclic(), longs().all()).checkAssert((spec, shuffle) -> {
            CycleException first = catchThrowableOfType(CycleException.class, spec.builder(spec.seed())::build);
            CycleException second = catchThrowableOfType(CycleException.class, spec.builder(shuffle)::build);

            assertThat(second.cycle()).isEqualTo(first.cycle());
            assertThat(second.components()).isEqualTo(first.components());
        });
    }

    @Test
    void tearsDownInReverseOrder() {
        theory().forAll(DagGenerators.acyclic()).checkAssert(spec -> {
            Dag<String> dag = spec.builder(spec.seed()).build();
            List<String> reversed = new ArrayList<>(dag.order());
            java.util.Collections.reverse(reversed);

            assertThat(dag.teardown()).isEqualTo(reversed);
        });
    }

    @Test
    void plansAClosureAsASubsequenceOfTheWholePlan() {
        theory().forAll(DagGenerators.acyclic()).checkAssert(spec -> {
            Dag<String> dag = spec.builder(spec.seed()).build();
            String selected = Spec.name((int) Math.floorMod(spec.seed(), spec.size()));
            Dag<String> plan = dag.withDependencies(Set.of(selected));

            assertThat(plan.nodes()).contains(selected).containsAll(dag.dependenciesOf(selected));
            assertThat(plan.size()).isEqualTo(dag.dependenciesOf(selected).size() + 1);
            assertThat(plan.order())
                    .isEqualTo(
                            dag.order().stream().filter(plan.nodes()::contains).toList());
        });
    }

    @Test
    void findsTheBlastRadiusAsTheNodesThatReachTheSelection() {
        theory().forAll(DagGenerators.acyclic()).checkAssert(spec -> {
            Dag<String> dag = spec.builder(spec.seed()).build();
            String selected = Spec.name((int) Math.floorMod(spec.seed(), spec.size()));

            for (String node : dag.nodes()) {
                assertThat(dag.dependentsOf(selected).contains(node))
                        .isEqualTo(dag.dependenciesOf(node).contains(selected));
            }
            assertThat(dag.withDependents(Set.of(selected)).nodes())
                    .containsExactlyInAnyOrderElementsOf(union(selected, dag.dependentsOf(selected)));
        });
    }

    @Test
    void findsTheSameRedundantEdgesAsJGraphT() {
        theory().forAll(DagGenerators.acyclic()).checkAssert(spec -> {
            Dag<String> dag = spec.builder(spec.seed()).build();

            assertThat(dag.redundantEdges()).containsExactlyInAnyOrderElementsOf(jgraphtRedundant(dag));
        });
    }

    private static Set<String> union(String node, Set<String> others) {
        Set<String> all = new HashSet<>(others);
        all.add(node);
        return all;
    }

    private static List<Edge<String>> jgraphtRedundant(Dag<String> dag) {
        Graph<String, DefaultEdge> graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        dag.nodes().forEach(graph::addVertex);
        dag.edges().forEach(e -> graph.addEdge(e.dependent(), e.dependency()));
        TransitiveReduction.INSTANCE.reduce(graph);
        return dag.edges().stream()
                .filter(e -> !graph.containsEdge(e.dependent(), e.dependency()))
                .toList();
    }
}
