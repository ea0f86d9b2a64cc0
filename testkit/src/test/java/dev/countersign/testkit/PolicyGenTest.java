package dev.countersign.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Decision;
import dev.countersign.policy.Decision.Outcome;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.Principal;
import dev.countersign.policy.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class PolicyGenTest {
    private static final int EXAMPLES = 200;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> POOL =
            List.of("human:a", "human:b", "human:c", "agent:x", "agent:y", "service:s");

    @Test
    void policiesLoadAndDecideEveryRequestDeterministically() {
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGen.policies(), PolicyGen.requests())
                .checkAssert((policy, request) -> {
                    Decision first = PolicyEngine.of(policy, CLOCK).decide(request);
                    Decision again = PolicyEngine.of(policy, CLOCK).decide(request);

                    assertThat(again).isEqualTo(first);
                    assertThat(first.policy()).isEqualTo(policy.hash());
                    assertThat(first.allowed()).isEqualTo(first.outcome() == Outcome.ALLOW);
                });
    }

    @Test
    void generatedAgentsAreNeverAllowedToApprove() {
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGen.policies(), PolicyGen.requests(PolicyGen.agents(), Generate.constant(Action.APPROVE)))
                .checkAssert((policy, request) -> {
                    Decision decision = PolicyEngine.of(policy, CLOCK).decide(request);

                    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
                    assertThat(decision.reasons()).extracting(Reason::rule).contains("agent-limits");
                });
    }

    @Test
    void policiesReachEveryOutcomeForHumansRecording() {
        var outcomes = EnumSet.noneOf(Outcome.class);
        qt().withExamples(1000)
                .forAll(PolicyGen.policies(), PolicyGen.requests(PolicyGen.humans(), Generate.constant(Action.RECORD)))
                .checkAssert((policy, request) -> {
                    assertThat(policy.rolesGranting(Action.PROPOSE)).isSubsetOf("r0", "r1", "r2", "r3");
                    assertThat(policy.approvals("production").required()).isBetween(0, 3);
                    outcomes.add(PolicyEngine.of(policy, CLOCK).decide(request).outcome());
                });
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.values());
    }

    @Test
    void principalsComeFromThePool() {
        var delegated = new HashSet<Boolean>();
        qt().withExamples(EXAMPLES).forAll(PolicyGen.principals()).checkAssert(p -> {
            assertThat(p.kind().spelling() + ":" + p.id()).isIn(POOL);
            if (p.onBehalfOf() != null) {
                assertThat(p.kind()).isNotEqualTo(Principal.Kind.HUMAN);
                assertThat(p.onBehalfOf().kind()).isEqualTo(Principal.Kind.HUMAN);
            }
            delegated.add(p.onBehalfOf() != null);
        });
        assertThat(delegated).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void agentsAreAgentsAndHumansHumans() {
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGen.agents(), PolicyGen.humans())
                .checkAssert((agent, human) -> {
                    assertThat(agent.isAgent()).isTrue();
                    assertThat(human.kind()).isEqualTo(Principal.Kind.HUMAN);
                    assertThat(human.onBehalfOf()).isNull();
                });
    }

    @Test
    void requestsAreAboutTheContentHashInAKnownEnvironment() {
        qt().withExamples(EXAMPLES).forAll(PolicyGen.requests()).checkAssert(request -> {
            assertThat(request.contentHash()).isEqualTo(PolicyGen.CONTENT_HASH);
            assertThat(request.environment()).isIn(PolicyGen.environmentNames());
            assertThat(request.proposer()).isNotNull();
            assertThat(request.approvals())
                    .hasSizeLessThanOrEqualTo(4)
                    .extracting(Approval::contentHash)
                    .allMatch(h -> h.equals(PolicyGen.CONTENT_HASH) || h.equals(PolicyGen.OTHER_HASH));
        });
    }

    @Test
    void requestsSometimesCarryAChange() {
        var withChange = new HashSet<Boolean>();
        qt().withExamples(EXAMPLES).forAll(PolicyGen.requests()).checkAssert(r -> withChange.add(r.hasChange()));
        assertThat(withChange).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void shrunkPoliciesStillLoadAndDecide() {
        List<Policy> tried = Shrinking.valuesTried(
                PolicyGen.policies(),
                policy -> policy.rolesGranting(Action.APPROVE).size() < 2);
        PolicyRequest request = PolicyRequest.builder(Principal.human("a"), Action.PROPOSE, "staging")
                .build();

        assertThat(tried).hasSizeGreaterThan(1);
        assertThat(tried)
                .allSatisfy(policy -> assertThat(
                                PolicyEngine.of(policy, CLOCK).decide(request).policy())
                        .isEqualTo(policy.hash()));
    }

    @Test
    void shrunkRequestsKeepTheirGuarantees() {
        List<PolicyRequest> tried = Shrinking.valuesTried(
                PolicyGen.requests(), request -> request.approvals().size() < 2);

        assertThat(tried).hasSizeGreaterThan(1);
        assertThat(tried).allSatisfy(request -> {
            assertThat(request.contentHash()).isEqualTo(PolicyGen.CONTENT_HASH);
            assertThat(request.environment()).isIn(PolicyGen.environmentNames());
        });
    }
}
