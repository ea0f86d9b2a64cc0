package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository as the real {@code git} sees it. */
class GitCliIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path directory;

    @Test
    void writesARepositoryGitAcceptsWithTrailersAndNoSecretPlaintext() throws Exception {
        try (GitOpsRepository repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom())) {
            repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            Proposal web = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            repo.reviewer(ALICE).approve(web.id());
            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose("staging", Samples.grafana("hunter2-plaintext"), "add grafana", List.of()))
                    .isInstanceOf(ActionDeniedException.class);
            repo.proposer(AGENT).propose("production", Samples.web("1.0.0"), "web to prod", List.of());
        }

        assertThat(git("fsck", "--strict").code()).isZero();
        String log = git("log", "--format=%an|%cn%n%B", "main").out();
        assertThat(log)
                .contains("agent:builder|service:countersign")
                .contains("Countersign-Proposed-By: agent:builder")
                .contains("Countersign-On-Behalf-Of: human:dave")
                .contains("Countersign-Approved-By: human:alice")
                .contains("Countersign-Content-Hash: sha256:");
        assertThat(git("for-each-ref", "--format=%(refname)").out())
                .contains("refs/heads/drafts/", "refs/countersign/proposals/");
        assertThat(git("cat-file", "--batch-all-objects", "--batch").out()).doesNotContain("hunter2-plaintext");
    }

    @Test
    void recordsEveryProposalOnceWhenTwoInstancesShareTheRepository() throws Exception {
        List<String> ids = new ArrayList<>();
        try (GitOpsRepository first = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
                GitOpsRepository second = GitOpsRepository.open(directory, CLOCK, new SecureRandom())) {
            first.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            for (String stack : List.of("a", "b", "c", "d")) {
                ids.add(first.proposer(AGENT)
                        .propose("staging", renamed(stack), "add " + stack, List.of())
                        .id());
            }
            CompletableFuture<?> one = CompletableFuture.runAsync(
                    () -> ids.subList(0, 2).forEach(id -> first.reviewer(ALICE).approve(id)));
            CompletableFuture<?> two = CompletableFuture.runAsync(
                    () -> ids.subList(2, 4).forEach(id -> second.reviewer(ALICE).approve(id)));
            CompletableFuture.allOf(one, two).join();

            assertThat(first.log()).hasSize(5);
            assertThat(first.verify(null).findings()).isEmpty();
        }
        assertThat(git("fsck", "--strict").code()).isZero();
    }

    private static dev.countersign.stack.Stack renamed(String name) {
        dev.countersign.stack.Stack web = Samples.web("1.0.0");
        return new dev.countersign.stack.Stack(name, web.variables(), web.components());
    }

    private Result git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + directory));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out);
    }

    private record Result(int code, String out) {}
}
