package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackException;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An environment change is a proposal like any other: proposed, approved under that environment's policy, recorded. */
class EnvironmentProposalTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final Principal CAROL = Principal.human("carol");
    private static final Principal DAVE = Principal.human("dave");

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open(String now) {
        repo = GitOpsRepository.open(directory, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        return repo;
    }

    private GitOpsRepository open() {
        return open("2026-11-24T10:00:00Z");
    }

    static Environment environment(String name, String cluster, String renderer, String extra) {
        return StackFiles.parseEnvironment(
                """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  cluster: %s
                  variables: {domain: %s, replicas: %s}
                  renderer: %s
                  flux: {gitRepository: fleet, interval: %s}
                  argocd: {repoURL: "https://git.example.com/fleet.git", targetRevision: main}
                """.formatted(
                                name,
                                cluster,
                                name.equals("staging") ? "staging.example.com" : "example.com",
                                name.equals("staging") ? "2" : "3",
                                renderer,
                                extra),
                name + ".yaml");
    }

    private static Environment staging(String renderer) {
        return environment("staging", "staging-eu", renderer, "5m");
    }

    private void recordStacks(String env) {
        for (var stack : List.of(Samples.web("1.0.0"), Samples.data(false))) {
            Proposal p = repo.proposer(AGENT).propose(env, stack, "add " + stack.name(), List.of());
            assertThat(List.of(p.isEnvironmentChange(), p.isPolicyChange())).containsOnly(false);
            repo.reviewer(ALICE).approve(p.id());
            if (env.equals("production")) {
                repo.reviewer(CAROL).approve(p.id());
            }
        }
    }

    private Proposal recordEnvironment(Environment changed) {
        Proposal p = repo.proposer(AGENT).proposeEnvironment(changed, "switch", List.of("TICKET-8"));
        return repo.reviewer(ALICE).approve(p.id());
    }

    private GitStore git() {
        return GitStore.open(directory);
    }

    private String read(String path) {
        try (GitStore git = git()) {
            return git.read(git.resolve("refs/heads/main").orElseThrow(), path)
                    .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    .orElse("<absent>");
        }
    }

    @Nested
    class Switching {
        @Test
        void switchesNativeToFluxRenderingEveryRecordedStackInOneCommit() {
            open();
            recordStacks("staging");

            Proposal proposed = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());
            assertThat(proposed.isEnvironmentChange()).isTrue();
            assertThat(proposed.isPolicyChange()).isFalse();
            assertThat(proposed.stack()).isEmpty();
            assertThat(proposed.changedPaths())
                    .contains(
                            ".countersign/environments/staging.yaml",
                            "clusters/staging/web.yaml",
                            "clusters/staging/data.yaml",
                            "apps/staging/web/api/kustomization.yaml",
                            "apps/staging/.sops.yaml")
                    .allSatisfy(path -> assertThat(path).doesNotStartWith("environments/production"));
            Proposal recorded = repo.reviewer(ALICE).approve(proposed.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(read("clusters/staging/web.yaml")).contains("name: fleet", "interval: 5m");
            assertThat(read(".countersign/environments/staging.yaml")).contains("renderer: flux");
            RecordedChange change = repo.log().get(0);
            assertThat(change.proposal()).isEqualTo(proposed.id());
            assertThat(change.approvers()).containsExactly("human:alice");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void recordsWithTheEnvironmentSubjectAndNoStackTrailer() throws Exception {
            open();
            recordStacks("staging");
            String commit =
                    Objects.requireNonNull(recordEnvironment(staging("flux")).recordedCommit());

            String message = Processes.run(
                            directory, "git", "--git-dir=" + directory, "log", "-1", "--format=%B", commit)
                    .out();
            assertThat(message)
                    .startsWith("staging (environment): switch")
                    .contains("Countersign-Subject: environment", "Countersign-Environment: staging")
                    .doesNotContain("Countersign-Stack");
        }

        @Test
        void switchesFluxToArgoCdRemovingTheFluxFiles() {
            open();
            recordStacks("staging");
            recordEnvironment(staging("flux"));

            Proposal recorded = recordEnvironment(staging("argocd"));

            assertThat(recorded.changedPaths())
                    .contains("clusters/staging/web.yaml", "apps/staging/.sops.yaml", "argocd/staging/web.yaml");
            assertThat(read("clusters/staging/web.yaml")).isEqualTo("<absent>");
            assertThat(read("apps/staging/.sops.yaml")).isEqualTo("<absent>");
            assertThat(read("argocd/staging/data.yaml")).contains("repoURL: https://git.example.com/fleet.git");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void changesAFluxOptionRewritingOnlyWhatDependsOnIt() {
            open();
            recordStacks("staging");
            recordEnvironment(staging("flux"));

            Proposal recorded = recordEnvironment(environment("staging", "staging-eu", "flux", "10m"));

            assertThat(recorded.changedPaths())
                    .contains(".countersign/environments/staging.yaml", "clusters/staging/web.yaml")
                    .noneMatch(path -> path.startsWith("environments/"));
            assertThat(read("clusters/staging/web.yaml")).contains("interval: 10m");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void rendersEveryStackAgainWhenAVariableChanges() {
            open();
            recordStacks("staging");
            Environment moved = StackFiles.parseEnvironment("""
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: staging}
                    spec: {cluster: staging-eu, variables: {domain: staging.example.org, replicas: 2}}
                    """, "staging.yaml");

            recordEnvironment(moved);

            assertThat(read("environments/staging/web/rendered.yaml")).contains("api.staging.example.org");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void revertingAnOlderStackRecordRendersItForTheEnvironmentAsItIsNow() {
            open();
            recordStacks("staging");
            Proposal upgrade = repo.proposer(AGENT).propose("staging", Samples.web("2.0.0"), "upgrade", List.of());
            String upgraded = Objects.requireNonNull(
                    repo.reviewer(ALICE).approve(upgrade.id()).recordedCommit());
            recordEnvironment(StackFiles.parseEnvironment("""
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: staging}
                    spec: {cluster: staging-eu, variables: {domain: staging.example.org, replicas: 2}}
                    """, "staging.yaml"));

            Proposal revert = repo.proposer(AGENT).proposeRevert(upgraded, "back to 1.0.0");
            Proposal recorded = repo.reviewer(ALICE).approve(revert.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(read("environments/staging/web/stack.yaml"))
                    .contains("1.0.0")
                    .doesNotContain("2.0.0");
            assertThat(read("environments/staging/web/rendered.yaml"))
                    .as("rendered for the environment as it is now, not as it was at the reverted record")
                    .contains("api.staging.example.org")
                    .doesNotContain("staging.example.com");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void revertsAnEnvironmentChangeRestoringTheOldFileAndRenderings() {
            open();
            recordStacks("staging");
            String envBefore = read(".countersign/environments/staging.yaml");
            String commit =
                    Objects.requireNonNull(recordEnvironment(staging("argocd")).recordedCommit());

            Proposal revert = repo.proposer(AGENT).proposeRevert(commit, "back to native");
            assertThat(revert.isEnvironmentChange()).isTrue();
            Proposal recorded = repo.reviewer(ALICE).approve(revert.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(read(".countersign/environments/staging.yaml")).isEqualTo(envBefore);
            assertThat(read("argocd/staging/web.yaml")).isEqualTo("<absent>");
            assertThat(recorded.reverts()).isEqualTo(commit);
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void reviewsTheDefinitionBeforeAndAfter() {
            open();
            recordStacks("staging");
            Proposal p = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());

            EnvironmentReview review = repo.environmentReview(p.id());

            assertThat(review.before().renderer().id()).isEqualTo("native");
            assertThat(review.after().renderer().id()).isEqualTo("flux");
            assertThat(review.stacks()).containsExactlyInAnyOrder("web", "data");
            assertThat(review.secretsLeftOut()).isEmpty();
            assertThat(repo.review(p.id()).diff().isEmpty()).isTrue();
        }
    }

    @Nested
    class Policy {
        @Test
        void agentsCannotApproveAnEnvironmentChange() {
            open();
            Proposal p = repo.proposer(DAVE).proposeEnvironment(staging("flux"), "to flux", List.of());

            assertThatThrownBy(() -> repo.reviewer(AGENT)).isInstanceOf(ActionDeniedException.class);
            assertThatThrownBy(() -> repo.reviewer(Principal.human("dave")).approve(p.id()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("no-self-approval"));
        }

        @Test
        void theHumanAnAgentActsForCannotApproveIt() {
            open();
            Proposal p = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());

            assertThatThrownBy(() -> repo.reviewer(DAVE).approve(p.id()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("no-self-approval"));
            assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void productionNeedsTwoApprovals() {
            open();
            recordStacks("production");
            Proposal p = repo.proposer(AGENT)
                    .proposeEnvironment(environment("production", "prod-eu", "flux", "5m"), "to flux", List.of());

            assertThat(repo.reviewer(ALICE).approve(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
            assertThat(repo.reviewer(BOB).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void judgesAnAgentsChangeByWhatItDoesToEachStacksValues() {
            repo = GitOpsRepository.open(directory, Clock.systemUTC(), new SecureRandom());
            repo.initialize(
                    ALICE,
                    Samples.POLICY.replace("  protect:", "  agentScope: {deny: [\"/helm/values/host\"]}\n  protect:"),
                    Samples.ENVIRONMENTS);
            Proposal web = repo.proposer(DAVE).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            repo.reviewer(ALICE).approve(web.id());
            Environment moved = StackFiles.parseEnvironment("""
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: staging}
                    spec: {cluster: staging-eu, variables: {domain: evil.example.net, replicas: 2}}
                    """, "staging.yaml");

            assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(moved, "move", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-scope"));
            assertThat(repo.proposer(AGENT)
                            .proposeEnvironment(staging("flux"), "renderer only", List.of())
                            .state())
                    .isEqualTo(ProposalState.PROPOSED);
            assertThat(repo.proposer(DAVE)
                            .proposeEnvironment(moved, "move", List.of())
                            .state())
                    .isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void aFreezeHoldsTheRecord() {
            open("2026-12-24T10:00:00Z");
            Proposal p = repo.proposer(AGENT)
                    .proposeEnvironment(environment("production", "prod-eu", "flux", "5m"), "to flux", List.of());
            repo.reviewer(ALICE).approve(p.id());

            Proposal held = repo.reviewer(BOB).approve(p.id());

            assertThat(held.state()).isEqualTo(ProposalState.APPROVED);
            assertThat(held.decisions().get(held.decisions().size() - 1).rule()).isEqualTo("freeze");
            assertThat(read("clusters/production/web.yaml")).isEqualTo("<absent>");
        }
    }

    @Nested
    class Conflicts {
        @Test
        void aStackRecordedMeanwhileConflictsTheEnvironmentChange() {
            open();
            recordStacks("staging");
            Proposal env = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());
            Proposal web = repo.proposer(AGENT).propose("staging", Samples.web("2.0.0"), "upgrade", List.of());
            repo.reviewer(ALICE).approve(web.id());

            assertThat(repo.reviewer(ALICE).approve(env.id()).state()).isEqualTo(ProposalState.CONFLICTED);
            assertThat(read(".countersign/environments/staging.yaml")).doesNotContain("flux");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void anEnvironmentChangeRecordedMeanwhileConflictsAStackProposal() {
            open();
            recordStacks("staging");
            Proposal web = repo.proposer(AGENT).propose("staging", Samples.web("2.0.0"), "upgrade", List.of());
            recordEnvironment(staging("flux"));

            assertThat(repo.reviewer(ALICE).approve(web.id()).state()).isEqualTo(ProposalState.CONFLICTED);
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void aSecondEnvironmentChangeOfTheSameEnvironmentConflicts() {
            open();
            recordStacks("staging");
            Proposal first = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());
            Proposal second = repo.proposer(AGENT).proposeEnvironment(staging("argocd"), "to argo", List.of());
            repo.reviewer(ALICE).approve(first.id());

            assertThat(repo.reviewer(ALICE).approve(second.id()).state()).isEqualTo(ProposalState.CONFLICTED);
            assertThat(read(".countersign/environments/staging.yaml")).contains("renderer: flux");
        }

        @Test
        void aChangeOfAnotherEnvironmentRebases() {
            open();
            recordStacks("staging");
            Proposal env = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());
            Proposal web = repo.proposer(AGENT).propose("production", Samples.web("1.0.0"), "add", List.of());
            repo.reviewer(ALICE).approve(web.id());
            repo.reviewer(CAROL).approve(web.id());

            assertThat(repo.reviewer(ALICE).approve(env.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.verify(null).findings()).isEmpty();
        }
    }

    @Nested
    class BadInput {
        @Test
        void refusesAChangeThatChangesNothing() {
            open();
            assertThatThrownBy(() ->
                            repo.proposer(AGENT).proposeEnvironment(Samples.ENVIRONMENTS.get(0), "same", List.of()))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("changes nothing");
        }

        @Test
        void refusesToReviseIntoAnotherEnvironmentOrAStack() {
            open();
            Proposal p = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());

            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .reviseEnvironment(p.id(), environment("production", "prod-eu", "flux", "5m")))
                    .isInstanceOf(InvalidProposalException.class);
            assertThatThrownBy(() -> repo.proposer(AGENT).revise(p.id(), Samples.web("1.0.0")))
                    .isInstanceOf(InvalidProposalException.class);
            Proposal revised = repo.proposer(AGENT).reviseEnvironment(p.id(), staging("argocd"));
            assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.SUPERSEDED);
            assertThat(revised.changedPaths()).contains(".countersign/environments/staging.yaml");
        }

        @Test
        void refusesArgoCdWithoutItsOptionsWithATypedException() {
            assertThatThrownBy(() -> StackFiles.parseEnvironment("""
                            apiVersion: countersign.dev/v1
                            kind: Environment
                            metadata: {name: staging}
                            spec: {cluster: staging-eu, renderer: argocd}
                            """, "staging.yaml"))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("spec.argocd");
        }
    }
}
