package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.MovableClock;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit: the proposals a freeze held approved are recorded after it by one {@code recordApproved}, each
 * its own commit with its own trailers, reaching the server in one atomic push.
 */
class GroupCommitTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");

    @TempDir
    Path temp;

    /** A stack of its own name and namespace, so several can be recorded side by side. */
    private static Stack named(String name) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0, namespace: %s}
                """.formatted(name, name), name + ".yaml");
    }

    @Test
    void recordsEveryProposalAFreezeHeldAsItsOwnCommitInOnePush() throws Exception {
        Path server = temp.resolve("server.git");
        try (GitOpsRepository init = GitOpsRepository.open(server)) {
            init.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        }
        git(server, "config", "core.logAllRefUpdates", "always");
        MovableClock clock = new MovableClock(Instant.parse("2026-12-24T10:00:00Z"));
        try (GitOpsRepository host = GitOpsRepositoryBuilder.of(temp.resolve("host"))
                .clock(clock)
                .random(new SecureRandom())
                .remote(server.toUri().toString())
                .open()) {
            List<String> ids = new java.util.ArrayList<>();
            for (String name : List.of("alpha", "beta", "gamma")) {
                clock.set(clock.instant().plusSeconds(60));
                ids.add(host.proposer(AGENT)
                        .propose("production", named(name), "add " + name, List.of())
                        .id());
            }
            for (String id : ids) {
                host.reviewer(ALICE).approve(id);
                assertThat(host.reviewer(CAROL).approve(id).state()).isEqualTo(ProposalState.APPROVED);
            }
            String frozen = mainOf(server);
            assertThat(host.reviewer(CAROL).recordApproved())
                    .extracting(Proposal::state)
                    .containsOnly(ProposalState.APPROVED);
            assertThat(mainOf(server)).isEqualTo(frozen);

            clock.set("2027-01-06T10:00:00Z");
            List<Proposal> recorded = host.reviewer(CAROL).recordApproved();

            assertThat(recorded).extracting(Proposal::id).containsExactlyElementsOf(ids);
            assertThat(recorded).extracting(Proposal::state).containsOnly(ProposalState.RECORDED);
            assertThat(git(server, "log", "--format=%s", frozen + "..main").lines())
                    .containsExactly(
                            "production/gamma: add gamma", "production/beta: add beta", "production/alpha: add alpha");
            for (Proposal p : recorded) {
                assertThat(git(server, "log", "-1", "--format=%B", p.recordedCommit()))
                        .contains("Countersign-Proposal: " + p.id());
            }
            // one push moved main from the frozen head to the last record: one line in the server's reflog
            assertThat(java.nio.file.Files.readAllLines(server.resolve("logs/refs/heads/main")))
                    .singleElement()
                    .satisfies(line -> assertThat(line).startsWith(frozen + " " + mainOf(server) + " "));
            assertThat(host.verify().findings()).isEmpty();
            assertThat(host.reviewer(CAROL).recordApproved()).isEmpty();
        }
    }

    private static String mainOf(Path server) throws Exception {
        return git(server, "rev-parse", "main").strip();
    }

    private static String git(Path repository, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 3];
        command[0] = "git";
        command[1] = "--git-dir";
        command[2] = repository.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        Processes.Result result = Processes.run(repository, command);
        assertThat(result.code()).as(result.err()).isZero();
        return result.out();
    }
}
