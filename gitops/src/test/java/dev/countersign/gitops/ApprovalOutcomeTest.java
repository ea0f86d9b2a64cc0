package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalOutcomeTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");

    @TempDir
    Path directory;

    private GitOpsRepository repository;

    @AfterEach
    void close() {
        if (repository != null) {
            repository.close();
        }
    }

    private String proposed(String now, String environment) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        repository = GitOpsRepository.open(directory, clock, new SecureRandom());
        repository.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        return repository
                .proposer(AGENT)
                .propose(ProposalRequest.of(environment, Samples.web("1.0.0")).rationale("add web"))
                .id();
    }

    @Test
    void saysTheOneApprovalStagingNeedsRecordedTheChange() {
        String id = proposed("2026-11-24T10:00:00Z", "staging");

        ApprovalOutcome outcome = repository.reviewer(ALICE).submitApproval(id);

        assertThat(outcome.isRecorded()).isTrue();
        assertThat(outcome.isApproved()).isTrue();
        assertThat(outcome.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(outcome.approvals()).isEqualTo(1);
        assertThat(outcome.missingApprovals()).isZero();
        assertThat(outcome.approvalsNeeded()).isEqualTo(1);
        assertThat(outcome.proposal().recordedCommit())
                .isEqualTo(repository.log().get(0).commit());
    }

    @Test
    void countsTheApprovalsProductionStillMissesAndFromWhichRoles() {
        String id = proposed("2026-11-24T10:00:00Z", "production");

        ApprovalOutcome first = repository.reviewer(ALICE).submitApproval(id);

        assertThat(first.isApproved()).isFalse();
        assertThat(first.isRecorded()).isFalse();
        assertThat(first.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(first.approvals()).isEqualTo(1);
        assertThat(first.missingApprovals()).isEqualTo(1);
        assertThat(first.approvalsNeeded()).isEqualTo(2);
        assertThat(first.approverRoles()).containsExactly("approver");
        assertThat(first.explanation()).contains("1 of 2");

        ApprovalOutcome second = repository.reviewer(CAROL).submitApproval(id);

        assertThat(second.isRecorded()).isTrue();
        assertThat(second.approvals()).isEqualTo(2);
        assertThat(second.missingApprovals()).isZero();
        assertThat(second.approverRoles()).isEmpty();
    }

    @Test
    void saysAnApprovalInAFreezeIsApprovedButItsRecordHeld() {
        String id = proposed("2026-12-21T10:00:00Z", "production");
        repository.reviewer(ALICE).submitApproval(id);

        ApprovalOutcome held = repository.reviewer(CAROL).submitApproval(id);

        assertThat(held.isApproved()).isTrue();
        assertThat(held.isRecorded()).isFalse();
        assertThat(held.state()).isEqualTo(ProposalState.APPROVED);
        assertThat(held.missingApprovals()).isZero();
        assertThat(held.explanation()).contains("freeze");
        assertThat(repository.log()).hasSize(1);
    }

    @Test
    void refusesTheProposersOwnApprovalAndWritesNoOutcome() {
        String id = proposed("2026-11-24T10:00:00Z", "staging");

        assertThatThrownBy(() -> repository.reviewer(Principal.human("dave")).submitApproval(id))
                .isInstanceOf(ActionDeniedException.class);
        assertThat(repository.proposal(id).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(repository.proposal(id).validApprovals()).isEmpty();
    }

    @Test
    void rejectsNegativeCounts() {
        String id = proposed("2026-11-24T10:00:00Z", "staging");
        Proposal proposal = repository.proposal(id);

        assertThatThrownBy(() -> new ApprovalOutcome(proposal, -1, 0, Set.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalOutcome(proposal, 0, -1, Set.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
