package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.policy.Decision.Outcome;
import dev.countersign.stack.Autoscaling;
import dev.countersign.stack.NodeGroup;
import dev.countersign.stack.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Any removal of a protected node group by an agent is denied, whatever else the change does. */
class TopologyProtectionPropertiesTest {
    private static final int EXAMPLES = 60;
    private final PolicyEngine engine = PolicyEngine.of(Policy.parse(TopologyRulesTest.POLICY), Fixtures.CLOCK);

    /** A change of the recorded topology: which group it removes, and new sizes for the groups it keeps. */
    private static Gen<Topology> changedTopologies() {
        Gen<Integer> removed = Generate.range(0, 1);
        Gen<List<Integer>> sizes = SourceDSL.lists().of(Generate.range(0, 8)).ofSize(3);
        return removed.zip(sizes, (index, counts) -> {
            Topology recorded = TopologyRulesTest.recorded();
            Topology changed = recorded.withoutGroup(recorded.names().get(index));
            var groups = new ArrayList<>(changed.nodeGroups());
            for (int i = 0; i < groups.size(); i++) {
                NodeGroup group = groups.get(i);
                groups.set(
                        i,
                        new NodeGroup(
                                group.name(),
                                group.serverType(),
                                group.location(),
                                counts.get(i) % 2 == 0 ? counts.get(i) : null,
                                counts.get(i) % 2 == 0 ? null : new Autoscaling(0, counts.get(i)),
                                group.labels(),
                                group.taints()));
            }
            if (counts.get(2) > 4) {
                groups.add(NodeGroup.fixed("extra", "cpx11", "fsn1", counts.get(2)));
            }
            return new Topology(recorded.kubernetesVersion(), recorded.controlPlane(), groups);
        });
    }

    @Test
    void anyRemovalOfAProtectedGroupByAnAgentIsDenied() {
        qt().withExamples(EXAMPLES)
                .forAll(changedTopologies(), Generate.pick(List.of("staging", "production", "development")))
                .checkAssert((proposed, environment) -> {
                    Decision decision =
                            engine.decide(PolicyRequest.builder(Fixtures.BUILDER, Action.PROPOSE, environment)
                                    .topology(TopologyRulesTest.recorded(), proposed, TopologyRulesTest.HETZNER)
                                    .build());
                    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
                    assertThat(decision.reasons())
                            .anySatisfy(reason -> assertThat(reason.message())
                                    .contains("is protected in the recorded state; deleting it is denied"));
                });
    }
}
