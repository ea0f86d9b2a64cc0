package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BOB;
import static dev.countersign.policy.Fixtures.CAROL;
import static dev.countersign.policy.Fixtures.DAVE;
import static dev.countersign.policy.Fixtures.HASH_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Decision.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlastRadiusRuleTest {
    private final PolicyEngine engine = Fixtures.engine();

    private Decision record(Change change, Principal... approvers) {
        return engine.decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "production")
                .proposer(ALICE)
                .contentHash(HASH_A)
                .approvals(java.util.Arrays.stream(approvers)
                        .map(p -> new Approval(p, HASH_A))
                        .toList())
                .change(change)
                .build());
    }

    @Test
    void needsNoExtraApprovalWithinTheThreshold() {
        // web has one dependent (admin-ui)
        Decision decision = record(Fixtures.edit("values: {replicaCount: 2}", "values: {replicaCount: 3}"), BOB, CAROL);

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void needsNoExtraApprovalAtExactlyTheThreshold() {
        // api reaches web, worker and admin-ui: exactly maxDependents (3), not more
        Decision decision = record(Fixtures.edit("replicaCount: 1\n", "replicaCount: 4\n"), BOB, CAROL);

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.reasons()).extracting(Reason::rule).doesNotContain("blast-radius");
        assertThat(List.of(decision.missingApprovals())).containsExactly(0);
    }

    @Test
    void needsExtraApprovalsBeyondTheThresholdNamingTheDependents() {
        // postgres reaches api, web, worker and admin-ui
        Decision decision = record(Fixtures.edit("max_connections: \"100\"", "max_connections: \"200\""), BOB, CAROL);

        assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
        assertThat(decision.missingApprovals()).isEqualTo(1);
        assertThat(decision.reasons())
                .filteredOn(r -> r.rule().equals("blast-radius"))
                .singleElement()
                .extracting(Reason::message)
                .asString()
                .isEqualTo("changing [postgres] reaches 4 dependents [admin-ui, api, web, worker], more than 3:"
                        + " 1 extra approval(s) required");
        assertThat(record(Fixtures.edit("max_connections: \"100\"", "max_connections: \"200\""), BOB, CAROL, DAVE)
                        .allowed())
                .isTrue();
    }

    @Test
    void leavesProposalsAlone() {
        Decision decision = engine.decide(PolicyRequest.builder(ALICE, Action.PROPOSE, "production")
                .change(Fixtures.edit("max_connections: \"100\"", "max_connections: \"200\""))
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("blast-radius");
        assertThat(List.of(decision.missingApprovals())).containsExactly(0);
    }
}
