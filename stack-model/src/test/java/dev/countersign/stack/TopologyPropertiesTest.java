package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The laws of topologies and their cost, over generated topologies. */
class TopologyPropertiesTest {
    private static final int EXAMPLES = 100;
    private static final Pricing HETZNER = PricingTest.sample();

    @Test
    void theCostOfATopologyIsTheSumOverItsParts() {
        qt().withExamples(EXAMPLES).forAll(StackGenerators.topologies()).checkAssert(topology -> {
            TopologyCost cost = TopologyCost.of(topology, HETZNER);
            Capacity sum = Capacity.of(topology.controlPlane(), HETZNER);
            for (NodeGroup group : topology.nodeGroups()) {
                sum = sum.plus(TopologyCost.of(
                                new Topology(topology.kubernetesVersion(), topology.controlPlane(), List.of(group)),
                                HETZNER)
                        .nodeGroups()
                        .get(group.name()));
            }
            assertThat(CostText.same(cost.total(), sum)).isTrue();
            int nodes = topology.controlPlane().count()
                    + topology.nodeGroups().stream()
                            .mapToInt(NodeGroup::maxNodes)
                            .sum();
            assertThat(cost.total().nodes().max()).isEqualByComparingTo(Integer.toString(nodes));
        });
    }

    @Test
    void theDeltasOfAReviewAddUpToTheChangeOfTheTotal() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGenerators.topologies(), StackGenerators.topologies())
                .checkAssert((before, after) -> {
                    CostReview review = CostReview.of(before, after, HETZNER);
                    Capacity sum = Capacity.NONE;
                    for (CostReview.Line line : review.lines()) {
                        sum = sum.plus(line.change());
                    }
                    assertThat(CostText.same(sum, review.total().change())).isTrue();
                    assertThat(CostText.same(
                                    review.total().after(),
                                    TopologyCost.of(after, HETZNER).total()))
                            .isTrue();
                });
    }

    @Test
    void aTopologyRoundTripsThroughItsEnvironmentFileAndDiffsEmptyAgainstItself() {
        qt().withExamples(EXAMPLES).forAll(StackGenerators.topologies()).checkAssert(topology -> {
            Environment environment = new Environment("staging", "eu", java.util.Map.of()).withTopology(topology);
            Environment read =
                    StackFiles.parseEnvironment(StackFiles.toYaml(List.of(environment.toTree())), "staging.yaml");
            assertThat(read).isEqualTo(environment);
            assertThat(Topology.diff(topology, read.topology())).isEmpty();
        });
    }
}
