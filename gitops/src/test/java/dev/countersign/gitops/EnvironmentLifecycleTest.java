package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Day two: an environment is added and retired through proposals, never by re-initializing. */
class EnvironmentLifecycleTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static Environment qa() {
        return EnvironmentProposalTest.environment("qa", "qa-eu", "flux", "5m");
    }

    private Proposal addQa() {
        Proposal p = repo.proposer(AGENT).proposeEnvironment(qa(), "a qa cluster", List.of("TICKET-1"));
        return repo.reviewer(ALICE).approve(p.id());
    }

    private String read(String path) {
        try (GitStore git = GitStore.open(directory)) {
            return git.read(git.resolve("refs/heads/main").orElseThrow(), path)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElse("<absent>");
        }
    }

    @Test
    void addsAnEnvironmentAsOneReviewedRecordAndThenTakesStacks() {
        Proposal proposed = repo.proposer(AGENT).proposeEnvironment(qa(), "a qa cluster", List.of());

        assertThat(proposed.changedPaths()).containsExactly(".countersign/environments/qa.yaml");
        EnvironmentReview review = repo.environmentReview(proposed.id());
        assertThat(review.change()).isEqualTo("added");
        assertThat(review.before()).isNull();
        assertThat(read(".countersign/environments/qa.yaml")).isEqualTo("<absent>");

        assertThat(repo.reviewer(ALICE).approve(proposed.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(read(".countersign/environments/qa.yaml")).contains("cluster: qa-eu");
        Proposal stack = repo.proposer(AGENT).propose("qa", Samples.web("1.0.0"), "first stack", List.of());
        assertThat(repo.reviewer(ALICE).approve(stack.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(read("clusters/qa/web.yaml")).contains("name: fleet");
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void anAgentProposesAnEnvironmentButCannotApproveIt() {
        Proposal proposed = repo.proposer(AGENT).proposeEnvironment(qa(), "a qa cluster", List.of());

        assertThatThrownBy(() -> repo.reviewer(AGENT).approve(proposed.id())).isInstanceOf(ActionDeniedException.class);
        assertThat(repo.proposal(proposed.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(read(".countersign/environments/qa.yaml")).isEqualTo("<absent>");
    }

    @Test
    void retiresAnEmptyEnvironmentAsADeletion() {
        addQa();

        Proposal retire = repo.proposer(AGENT).proposeEnvironmentRetirement("qa", "cluster gone", List.of());
        assertThat(repo.environmentReview(retire.id()).change()).isEqualTo("retired");
        assertThat(retire.changedPaths()).containsExactly(".countersign/environments/qa.yaml");
        assertThatThrownBy(() -> repo.reviewer(AGENT).approve(retire.id())).isInstanceOf(ActionDeniedException.class);

        assertThat(repo.reviewer(ALICE).approve(retire.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(read(".countersign/environments/qa.yaml")).isEqualTo("<absent>");
        assertThat(repo.verify(null).findings()).isEmpty();
        assertThatThrownBy(() -> repo.proposer(AGENT).propose("qa", Samples.web("1.0.0"), "late", List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("propose-environment");
    }

    @Test
    void refusesToRetireAnEnvironmentThatStillRecordsStacks() {
        Proposal stack = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add", List.of());
        repo.reviewer(ALICE).approve(stack.id());

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironmentRetirement("staging", "gone", List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("still records stacks [web]");
        assertThat(repo.proposals(null)).hasSize(1);
    }

    @Test
    void refusesToRetireAnUnknownEnvironment() {
        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironmentRetirement("qa", "gone", List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("unknown environment 'qa'");
    }
}
