package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
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

/** The revert of an environment's addition is its retirement, and the revert of that retirement adds it again. */
class EnvironmentRevertTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String QA = ".countersign/environments/qa.yaml";

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

    private String read(String path) {
        try (GitStore git = GitStore.open(directory)) {
            return git.read(git.resolve("refs/heads/main").orElseThrow(), path)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElse("<absent>");
        }
    }

    private String addQa() {
        Proposal p = repo.proposer(AGENT)
                .proposeEnvironment(
                        EnvironmentProposalTest.environment("qa", "qa-eu", "flux", "5m"), "a qa cluster", List.of());
        return repo.reviewer(ALICE).approve(p.id()).recordedCommit();
    }

    @Test
    void revertsAnAdditionAsARetirementAndThatRetirementAsAnAddition() {
        String added = addQa();

        Proposal undo = repo.proposer(AGENT).proposeRevert(added, "qa was a mistake");
        assertThat(undo.reverts()).isEqualTo(added);
        assertThat(repo.environmentReview(undo.id()).change()).isEqualTo("retired");
        assertThatThrownBy(() -> repo.reviewer(AGENT).approve(undo.id())).isInstanceOf(ActionDeniedException.class);
        String retired = repo.reviewer(ALICE).approve(undo.id()).recordedCommit();
        assertThat(read(QA)).isEqualTo("<absent>");

        Proposal redo = repo.proposer(AGENT).proposeRevert(retired, "qa after all");
        assertThat(repo.environmentReview(redo.id()).change()).isEqualTo("added");
        assertThat(repo.reviewer(ALICE).approve(redo.id()).state()).isEqualTo(ProposalState.RECORDED);

        assertThat(read(QA)).contains("cluster: qa-eu");
        assertThat(repo.verify().findings()).isEmpty();
    }

    @Test
    void refusesToRevertAnAdditionOnceTheEnvironmentRecordsAStack() {
        String added = addQa();
        Proposal stack = repo.proposer(AGENT).propose("qa", Samples.web("1.0.0"), "first stack", List.of());
        repo.reviewer(ALICE).approve(stack.id());

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeRevert(added, "undo"))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("still records stacks [web]");
        assertThat(read(QA)).contains("cluster: qa-eu");
    }
}
