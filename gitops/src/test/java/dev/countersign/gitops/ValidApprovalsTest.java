package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Proposal#validApprovals()} counts an approval only when it binds the proposal as it is: its id, its
 * content hash and its base. Each condition is tested alone, so removing any one of them fails (issue 24).
 */
class ValidApprovalsTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final String HASH = "sha256:" + "a".repeat(64);
    private static final String OTHER_HASH = "sha256:" + "b".repeat(64);
    private static final CommitId BASE = new CommitId("1".repeat(40));
    private static final CommitId OTHER_BASE = new CommitId("2".repeat(40));

    private static final ProposalHeader HEADER = new ProposalHeader(
            "p-1",
            new Subject.StackChange("staging", "web"),
            Principal.agent("builder"),
            "scale up",
            List.of(),
            BASE,
            HASH,
            List.of("environments/staging/web/stack.yaml"),
            null,
            null,
            AT);

    private static Countersignature approval(String who, String id, String hash, CommitId base) {
        return new Countersignature(Principal.human(who), id, hash, base.name(), AT, null);
    }

    private static Proposal withApprovals(Countersignature... approvals) {
        return new Proposal(
                HEADER, new ProposalProgress(ProposalState.PROPOSED, null, List.of(approvals), List.of(), null, null));
    }

    @Test
    void countsOnlyTheApprovalsOfThisIdHashAndBaseInTheOrderGiven() {
        Countersignature bob = approval("bob", "p-1", HASH, BASE);
        Countersignature alice = approval("alice", "p-1", HASH, BASE);
        Proposal p = withApprovals(
                bob,
                approval("mallory", "p-2", HASH, BASE),
                approval("trent", "p-1", OTHER_HASH, BASE),
                approval("victor", "p-1", HASH, OTHER_BASE),
                alice);

        assertThat(p.validApprovals()).containsExactly(bob, alice);
    }

    @Test
    void anApprovalWrongInOnlyOneWayDoesNotCount() {
        assertThat(withApprovals(approval("mallory", "p-2", HASH, BASE)).validApprovals())
                .isEmpty();
        assertThat(withApprovals(approval("trent", "p-1", OTHER_HASH, BASE)).validApprovals())
                .isEmpty();
        assertThat(withApprovals(approval("victor", "p-1", HASH, OTHER_BASE)).validApprovals())
                .isEmpty();
        assertThat(withApprovals(approval("alice", "p-1", HASH, BASE)).validApprovals())
                .extracting(Countersignature::approver)
                .containsExactly(Principal.human("alice"));
    }
}
