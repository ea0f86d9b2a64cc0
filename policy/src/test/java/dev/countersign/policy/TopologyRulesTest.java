package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BOB;
import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.CAROL;
import static dev.countersign.policy.Fixtures.DAVE;
import static dev.countersign.policy.Fixtures.HASH_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Decision.Outcome;
import dev.countersign.stack.Autoscaling;
import dev.countersign.stack.ControlPlane;
import dev.countersign.stack.NodeGroup;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.Taint;
import dev.countersign.stack.TaintEffect;
import dev.countersign.stack.Topology;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TopologyRulesTest {
    static final Pricing HETZNER = Pricing.read(Path.of("..", "samples", "pricing", "hetzner.yaml"));
    static final String POLICY = Fixtures.POLICY
            .replace("    staging:    {approvals: {required: 1, from: [approver, admin]}}\n", """
                        staging:
                          approvals: {required: 1, from: [approver, admin]}
                          limits: {maxNodes: 12, maxWorkerVCPU: 48, maxMonthlyCost: "210.00"}
                          agentCostStep: "20"
                        development: {limits: {maxNodes: 8}}
                    """)
            .replace(
                    "    allow: [\"/helm/values/replicaCount\", \"/helm/values/resources/**\"]\n",
                    "    allow: [\"/helm/values/replicaCount\", \"/helm/values/resources/**\","
                            + " \"/topology/nodeGroups/*/count\", \"/topology/nodeGroups/*/autoscaling/**\"]\n");

    private final PolicyEngine engine = PolicyEngine.of(Policy.parse(POLICY), Fixtures.CLOCK);

    @Test
    void theTestPolicyHasTheLimitsAndTheScope() {
        assertThat(POLICY).contains("maxNodes: 12").contains("/topology/nodeGroups/*/count");
    }

    /** 3 x cpx21 control plane (EUR 25.47), workers 2 x cpx31 (EUR 31.44), batch 0-4 x cpx41 (up to EUR 118.36). */
    static Topology recorded() {
        return new Topology(
                "v1.32.2",
                new ControlPlane(3, "cpx21", "fsn1"),
                List.of(
                        new NodeGroup("workers", "cpx31", "fsn1", 2, null, Map.of("pool", "workers"), List.of()),
                        new NodeGroup(
                                "batch",
                                "cpx41",
                                "fsn1",
                                null,
                                new Autoscaling(0, 4),
                                Map.of(),
                                List.of(new Taint("batch", "true", TaintEffect.NO_SCHEDULE)))));
    }

    static Topology workers(int count) {
        return recorded()
                .withGroup(
                        new NodeGroup("workers", "cpx31", "fsn1", count, null, Map.of("pool", "workers"), List.of()));
    }

    private Decision propose(Principal who, String env, @Nullable Topology after, @Nullable Pricing pricing) {
        return engine.decide(PolicyRequest.builder(who, Action.PROPOSE, env)
                .topology(recorded(), after, pricing)
                .build());
    }

    private Decision record(Principal proposer, String env, @Nullable Topology after, Principal... approvers) {
        return engine.decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, env)
                .proposer(proposer)
                .contentHash(HASH_A)
                .approvals(Arrays.stream(approvers)
                        .map(p -> new Approval(p, HASH_A))
                        .toList())
                .topology(recorded(), after, HETZNER)
                .build());
    }

    private static List<String> messages(Decision decision, String rule) {
        return decision.reasons().stream()
                .filter(r -> r.rule().equals(rule))
                .map(Reason::message)
                .toList();
    }

    @Nested
    class Limits {
        @Test
        void allowsATopologyWithinTheLimits() {
            Decision decision = propose(ALICE, "staging", workers(3), HETZNER);
            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(messages(decision, "sizing")).isEmpty();
        }

        @Test
        void deniesMoreNodesThanTheLimitNamingTheNumbers() {
            // 3 control planes + 6 workers + batch at its maximum 4 = 13 > 12
            Decision decision = propose(ALICE, "staging", workers(6), HETZNER);
            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(messages(decision, "sizing"))
                    .contains("the proposed topology of staging reaches 13 nodes (recorded: 9), above the"
                            + " environment's limit of 12 (autoscaling groups at their maximum)");
        }

        @Test
        void deniesMoreWorkerVcpusAndMoreCostThanTheLimits() {
            // workers 5 x 4 + batch 4 x 8 = 52 vCPU > 48; cost 25.47 + 78.60 + 118.36 = 222.43 > 210
            Decision decision = propose(ALICE, "staging", workers(5), HETZNER);
            assertThat(messages(decision, "sizing"))
                    .containsExactly(
                            "the proposed topology of staging reaches 52 billable worker vCPUs (recorded: 40), above"
                                    + " the environment's limit of 48 (autoscaling groups at their maximum)",
                            "the proposed topology of staging reaches EUR 222.43 monthly cost (recorded: EUR"
                                    + " 175.27), above the environment's limit of EUR 210.00 (autoscaling groups at"
                                    + " their maximum)");
        }

        @Test
        void aCostLimitWithoutACatalogueDenies() {
            Decision decision = propose(ALICE, "staging", workers(3), null);
            assertThat(messages(decision, "sizing"))
                    .containsExactly("the limits of staging on worker vCPUs or monthly cost cannot be judged: no price"
                            + " catalogue (.countersign/pricing.yaml) is recorded");
        }

        @Test
        void aServerTypeTheCatalogueLacksDenies() {
            Decision decision =
                    propose(ALICE, "staging", recorded().withGroup(NodeGroup.fixed("gpu", "h100", "fsn1", 1)), HETZNER);
            assertThat(messages(decision, "sizing")).singleElement().asString().contains("unknown server type 'h100'");
        }

        @Test
        void aNodeLimitNeedsNoCatalogueAndScalingDownWhileAboveItIsAllowed() {
            // development allows 8 nodes; the recorded topology has 9
            assertThat(propose(ALICE, "development", workers(3), null).outcome())
                    .isEqualTo(Outcome.DENY);
            assertThat(propose(ALICE, "development", workers(1), null).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(propose(ALICE, "production", workers(40), null).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anUnchangedTopologyIsNotJudged() {
            assertThat(propose(ALICE, "development", recorded(), null).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }
    }

    @Nested
    class AgentCost {
        @Test
        void anAgentsRiseWithinTheStepNeedsNoExtraApproval() {
            // +1 worker: EUR 15.72, within staging's step of 20
            Decision decision = record(BUILDER, "staging", workers(3), ALICE);
            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(messages(decision, "agent-cost")).isEmpty();
        }

        @Test
        void anAgentsRiseBeyondTheStepNeedsOneExtraHumanApprovalStatedInTheDecision() {
            // +2 workers: EUR 31.44 > 20
            Decision decision = record(BUILDER, "staging", workers(4), ALICE);
            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(messages(decision, "agent-cost"))
                    .containsExactly("agent:builder's change raises the monthly cost of staging by EUR 31.44 (from EUR"
                            + " 56.91–175.27 to EUR 88.35–206.71), more than the agentCostStep of EUR 20.00: 1 extra"
                            + " human approval required");
            assertThat(record(BUILDER, "staging", workers(4), ALICE, CAROL).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void byDefaultAnyRiseByAnAgentNeedsAnExtraApproval() {
            Decision decision = record(BUILDER, "production", workers(3), ALICE, CAROL);
            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(messages(decision, "agent-cost"))
                    .singleElement()
                    .asString()
                    .contains("by EUR 15.72");
            assertThat(record(BUILDER, "production", workers(1), ALICE, CAROL).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aHumansRiseNeedsNoExtraApproval() {
            assertThat(record(ALICE, "production", workers(3), CAROL, DAVE).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anAgentsChangeOfUnknownCostNeedsAnExtraApproval() {
            Decision decision = engine.decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "production")
                    .proposer(BUILDER)
                    .contentHash(HASH_A)
                    .approvals(List.of(new Approval(ALICE, HASH_A), new Approval(CAROL, HASH_A)))
                    .topology(recorded(), workers(1), null)
                    .build());
            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(messages(decision, "agent-cost"))
                    .singleElement()
                    .asString()
                    .contains("is unknown");
        }
    }

    @Nested
    class Protection {
        @Test
        void removingANodeGroupIsDeniedEvenForAHuman() {
            Decision decision = propose(DAVE, "staging", recorded().withoutGroup("batch"), HETZNER);
            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(messages(decision, "protection"))
                    .singleElement()
                    .asString()
                    .startsWith("node group 'batch' is protected in the recorded state; deleting it is denied; record a"
                            + " separate unprotect change first");
        }

        @Test
        void scalingAGroupToZeroIsAChangeNotADeletion() {
            assertThat(propose(BUILDER, "staging", workers(0), HETZNER).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void removingTheTopologyIsDenied() {
            assertThat(messages(propose(DAVE, "staging", null, HETZNER), "protection"))
                    .singleElement()
                    .asString()
                    .contains("removing spec.topology deletes them");
        }

        @Test
        void anUnprotectChangeComesFromAHumanWhoMayAndNeedsElevatedApprovers() {
            Topology unprotected = recorded()
                    .withGroup(new NodeGroup(
                            "batch",
                            "cpx41",
                            "fsn1",
                            null,
                            new Autoscaling(0, 4),
                            Map.of(Protections.LABEL, "false"),
                            List.of(new Taint("batch", "true", TaintEffect.NO_SCHEDULE))));
            assertThat(messages(propose(BUILDER, "staging", unprotected, HETZNER), "agent-limits"))
                    .singleElement()
                    .asString()
                    .startsWith("agents never unprotect");
            assertThat(propose(ALICE, "staging", unprotected, HETZNER).outcome())
                    .isEqualTo(Outcome.DENY);
            assertThat(propose(DAVE, "staging", unprotected, HETZNER).outcome()).isEqualTo(Outcome.ALLOW);
            // production needs two approvals; for an unprotect change both from a role that may unprotect (admin)
            assertThat(record(DAVE, "production", unprotected, ALICE, CAROL).missingApprovals())
                    .isEqualTo(2);
            Decision withAnAdmin = record(DAVE, "production", unprotected, ALICE, BOB);
            assertThat(withAnAdmin.missingApprovals()).isEqualTo(1);
            assertThat(messages(withAnAdmin, "protection"))
                    .contains("this change lifts the protection of node groups [batch]: it needs approval from a role"
                            + " that may unprotect");
        }

        @Test
        void aGroupRecordedUnprotectedMayBeRemoved() {
            Topology unprotected = recorded()
                    .withGroup(new NodeGroup(
                            "batch", "cpx41", "fsn1", 1, null, Map.of(Protections.LABEL, "false"), List.of()));
            Decision decision = engine.decide(PolicyRequest.builder(ALICE, Action.PROPOSE, "staging")
                    .topology(unprotected, unprotected.withoutGroup("batch"), HETZNER)
                    .build());
            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        }
    }

    @Nested
    class AgentScope {
        @Test
        void anAgentMayChangeCountsAndNothingElse() {
            assertThat(propose(BUILDER, "staging", workers(3), HETZNER).outcome())
                    .isEqualTo(Outcome.ALLOW);
            Topology bigger = recorded()
                    .withGroup(
                            new NodeGroup("workers", "cpx41", "fsn1", 2, null, Map.of("pool", "workers"), List.of()));
            assertThat(messages(propose(BUILDER, "staging", bigger, HETZNER), "agent-scope"))
                    .containsExactly("agent:builder may not change this value of the topology: outside the allowed"
                            + " pointers [/helm/values/replicaCount, /helm/values/resources/**,"
                            + " /topology/nodeGroups/*/count, /topology/nodeGroups/*/autoscaling/**]");
            Topology added = recorded().withGroup(NodeGroup.fixed("gpu", "gex44", "fsn1", 1));
            assertThat(propose(BUILDER, "staging", added, HETZNER).reasons())
                    .anySatisfy(r -> assertThat(r.pointer()).isEqualTo("/topology/nodeGroups/gpu"));
            assertThat(propose(ALICE, "staging", bigger, HETZNER).outcome()).isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void readsAndRefusesMalformedLimits() {
        assertThat(Policy.parse(POLICY).rules("staging").sizing().maxNodes()).isEqualTo(12);
        assertThatThrownBy(() -> Policy.parse(POLICY.replace("maxMonthlyCost: \"210.00\"", "maxMonthlyCost: cheap")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("maxMonthlyCost")
                .hasMessageContaining("amount of money");
        assertThatThrownBy(() -> Policy.parse(POLICY.replace("maxNodes: 12", "maxNodes: -1")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("maxNodes");
        assertThatThrownBy(() -> Policy.parse(POLICY.replace("maxNodes: 12", "maxPods: 12")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("unknown key 'maxPods'");
        assertThat(Policy.parse(Fixtures.POLICY).rules("staging").sizing()).isEqualTo(Sizing.NONE);
    }
}
