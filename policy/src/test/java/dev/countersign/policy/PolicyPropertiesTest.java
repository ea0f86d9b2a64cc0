package dev.countersign.policy;

import static dev.countersign.policy.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Decision.Outcome;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Laws of the engine over generated policies, requests and host rules. */
class PolicyPropertiesTest {
    private static final int EXAMPLES = Theories.examples(200);
    /** The distribution is asserted on a fixed sample so that it cannot fail by chance. */
    private static final long SAMPLE_SEED = 1;

    private static final int SAMPLE = 400;

    /** Orders decisions by strictness: allow, then needs-approvals by how many, then deny. */
    static long strictness(Decision decision) {
        return decision.outcome() == Outcome.DENY ? Long.MAX_VALUE : decision.missingApprovals();
    }

    /**
     * The generators explore: allow, deny and needs-approvals each make up at least a tenth of the generated
     * requests, so the laws below are not checked on denials alone.
     */
    @Test
    void generatedRequestsReachEveryOutcome() {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<Boolean, Integer> frozen = new HashMap<>();
        QuickTheory.qt()
                .withFixedSeed(SAMPLE_SEED)
                .withExamples(SAMPLE)
                .forAll(PolicyGenerators.policies(), PolicyGenerators.asks())
                .checkAssert((policy, ask) -> {
                    Decision decision = PolicyEngine.of(policy, Fixtures.CLOCK).decide(ask.build());
                    outcomes.merge(decision.outcome(), 1, Integer::sum);
                    boolean covered =
                            policy.freezeWindows("production").stream().anyMatch(w -> w.covers(Fixtures.WEDNESDAY));
                    frozen.merge(covered, 1, Integer::sum);
                    assertThat(decision.outcome()).isNotNull();
                });
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("generated outcomes " + outcomes + ", production frozen at the clock " + frozen);
        assertThat(Outcome.values())
                .allSatisfy(outcome -> assertThat(outcomes.getOrDefault(outcome, 0) * 10)
                        .as("%s in %s", outcome, outcomes)
                        .isGreaterThanOrEqualTo(total));
        assertThat(frozen).containsKeys(true, false);
    }

    @Test
    void noAgentIsEverAllowedToApproveRecordUnprotectOrChangePolicy() {
        Gen<Action> forbidden =
                Generate.pick(List.of(Action.APPROVE, Action.RECORD, Action.UNPROTECT, Action.CHANGE_POLICY));
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGenerators.policies(), PolicyGenerators.asks(PolicyGenerators.agents(), forbidden))
                .checkAssert((policy, ask) -> {
                    Decision decision = PolicyEngine.of(policy, Fixtures.CLOCK).decide(ask.build());

                    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
                    assertThat(decision.reasons()).extracting(Reason::rule).contains("agent-limits");
                });
    }

    @Test
    void addingAHostRuleNeverMakesADecisionLessStrict() {
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGenerators.policies(), PolicyGenerators.asks(), PolicyGenerators.hostRules())
                .checkAssert((policy, ask, rule) -> {
                    PolicyEngine engine = PolicyEngine.of(policy, Fixtures.CLOCK);
                    Decision without = engine.decide(ask.build());
                    Decision with = engine.withHostRule(rule).decide(ask.build());

                    assertThat(strictness(with)).isGreaterThanOrEqualTo(strictness(without));
                    if (without.outcome() == Outcome.DENY) {
                        assertThat(with.reasons()).containsAll(without.reasons());
                    }
                });
    }

    @Test
    void moreApprovalsNeverReduceWhatIsAllowed() {
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGenerators.policies(), PolicyGenerators.asks(), PolicyGenerators.approvals())
                .checkAssert((policy, ask, more) -> {
                    PolicyEngine engine = PolicyEngine.of(policy, Fixtures.CLOCK);
                    Decision fewer = engine.decide(ask.build());
                    Decision most = engine.decide(ask.withMoreApprovals(more).build());

                    assertThat(strictness(most)).isLessThanOrEqualTo(strictness(fewer));
                });
    }

    @Test
    void decisionsAreDeterministicForAFixedClock() {
        qt().withExamples(EXAMPLES)
                .forAll(PolicyGenerators.policies(), PolicyGenerators.asks())
                .checkAssert((policy, ask) -> {
                    Decision first = PolicyEngine.of(policy, Fixtures.CLOCK).decide(ask.build());
                    Decision again = PolicyEngine.of(Policy.parse(Fixtures.POLICY), Fixtures.CLOCK)
                            .decide(ask.build());
                    Decision second = PolicyEngine.of(policy, Fixtures.CLOCK).decide(ask.build());

                    assertThat(second).isEqualTo(first);
                    assertThat(second.toJson()).isEqualTo(first.toJson());
                    assertThat(again.policy()).isNotEqualTo(first.policy());
                });
    }
}
