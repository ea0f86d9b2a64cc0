package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Decision.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static final String POLICY = "sha256:" + "c".repeat(64);

    private final Decision needs = new Decision(
            Outcome.NEEDS_APPROVALS,
            1,
            Set.of("approver", "admin"),
            List.of(
                    Reason.of("approvals", "1 of 2 required approvals from [admin, approver]: human:bob"),
                    new Reason("blast-radius", "reaches \"4\" dependents", "postgres", "")),
            POLICY);

    @Test
    void rendersForPeopleWithOneReasonPerLine() {
        assertThat(needs.render())
                .isEqualTo("needs-approvals: 1 more approval from admin, approver (policy " + POLICY + ")\n"
                        + "  - [approvals] 1 of 2 required approvals from [admin, approver]: human:bob\n"
                        + "  - [blast-radius] reaches \"4\" dependents (at postgres)");
    }

    @Test
    void rendersAsJsonWithEscapedMessages() {
        assertThat(needs.toJson())
                .isEqualTo("{\"decision\":\"needs-approvals\",\"missingApprovals\":1,\"from\":[\"admin\",\"approver\"],"
                        + "\"reasons\":[{\"rule\":\"approvals\",\"message\":\"1 of 2 required approvals from [admin,"
                        + " approver]: human:bob\",\"component\":null,\"path\":null},{\"rule\":\"blast-radius\","
                        + "\"message\":\"reaches \\\"4\\\" dependents\",\"component\":\"postgres\",\"path\":\"\"}],"
                        + "\"policy\":\"" + POLICY + "\"}");
    }

    @Test
    void rendersADenialWithPointers() {
        Decision deny = new Decision(
                Outcome.DENY,
                0,
                Set.of(),
                List.of(new Reason("agent-scope", "no", "api", "/helm/values/image/tag")),
                POLICY);

        assertThat(deny.render()).endsWith("\n  - [agent-scope] no (at api:/helm/values/image/tag)");
        assertThat(deny.allowed()).isFalse();
        assertThat(deny).hasToString(deny.render());
    }

    @Test
    void rejectsAMissingCountThatDoesNotFitTheOutcome() {
        assertThatThrownBy(() -> new Decision(Outcome.ALLOW, 2, Set.of(), List.of(), POLICY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing approvals 2 does not fit outcome allow");
        assertThatThrownBy(() -> new Decision(Outcome.NEEDS_APPROVALS, 0, Set.of(), List.of(), POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spellsOutcomesWithHyphens() {
        assertThat(Outcome.NEEDS_APPROVALS.spelling()).isEqualTo("needs-approvals");
        assertThat(Outcome.ALLOW.spelling()).isEqualTo("allow");
    }
}
