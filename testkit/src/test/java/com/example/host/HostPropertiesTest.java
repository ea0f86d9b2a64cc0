package com.example.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.policy.Decision;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.spi.HostFinding;
import dev.countersign.policy.spi.HostRule;
import dev.countersign.policy.spi.RuleContext;
import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.Stack;
import dev.countersign.testkit.PolicyGen;
import dev.countersign.testkit.StackGen;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A host's own property tests, written against the testkit's generators. */
class HostPropertiesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    /** The host's rule: a production change proposed by an agent needs one more approval. */
    static final class AgentsInProductionNeedOneMore implements HostRule {
        @Override
        public String id() {
            return "acme-agents-in-production";
        }

        @Override
        public List<HostFinding> evaluate(RuleContext context) {
            PolicyRequest request = context.request();
            boolean agentProposed =
                    request.proposer() != null && request.proposer().isAgent();
            return request.environment().equals("production") && agentProposed
                    ? List.of(HostFinding.requireApprovals(1, "an agent proposed this production change"))
                    : List.of();
        }
    }

    /** The host's own code: one line per deploy wave, for its chat notifications. */
    static List<String> waveLines(Stack stack) {
        List<List<String>> waves = DeployPlan.of(stack).waves();
        return IntStream.range(0, waves.size())
                .mapToObj(i -> "wave " + (i + 1) + ": " + String.join(", ", waves.get(i)))
                .toList();
    }

    static long strictness(Decision decision) {
        return decision.outcome() == Decision.Outcome.DENY ? Long.MAX_VALUE : decision.missingApprovals();
    }

    @Test
    void theRuleNeverMakesADecisionLessStrict() {
        qt().forAll(PolicyGen.policies(), PolicyGen.requests()).checkAssert((policy, request) -> {
            PolicyEngine engine = PolicyEngine.of(policy, CLOCK);
            Decision without = engine.decide(request);
            Decision with =
                    engine.withHostRule(new AgentsInProductionNeedOneMore()).decide(request);

            assertThat(strictness(with)).isGreaterThanOrEqualTo(strictness(without));
        });
    }

    @Test
    void theRuleChangesNothingOutsideProduction() {
        qt().forAll(PolicyGen.policies(), PolicyGen.requests()).checkAssert((policy, request) -> {
            PolicyEngine engine = PolicyEngine.of(policy, CLOCK);
            if (!request.environment().equals("production")) {
                assertThat(engine.withHostRule(new AgentsInProductionNeedOneMore())
                                .decide(request))
                        .isEqualTo(engine.decide(request));
            }
        });
    }

    @Test
    void waveLinesNameEveryComponentOnce() {
        qt().forAll(StackGen.stacks(20)).checkAssert(stack -> {
            List<String> named = waveLines(stack).stream()
                    .flatMap(line ->
                            List.of(line.substring(line.indexOf(": ") + 2).split(", ")).stream())
                    .toList();

            assertThat(named).containsExactlyInAnyOrderElementsOf(stack.componentNames());
        });
    }
}
