package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsRepositoryTest {
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

    private GitOpsRepository open(String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        repository = GitOpsRepository.open(directory, clock, new SecureRandom());
        repository.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        return repository;
    }

    private GitOpsRepository open() {
        return open("2026-11-24T10:00:00Z");
    }

    @Nested
    class TheContract {
        @Test
        void agentProposesHumanApprovesGitRecords() {
            GitOpsRepository repo = open();
            Proposal proposed = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());

            Proposal recorded = repo.reviewer(ALICE).approve(proposed.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.log().get(0).proposal()).isEqualTo(proposed.id());
            assertThat(repo.log().get(0).approvers()).containsExactly("human:alice");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void givesTheProposerHandleNoApproveOrRecordMethod() {
            assertThat(Arrays.stream(Proposer.class.getMethods()).map(Method::getName))
                    .doesNotContain("approve", "reject", "record")
                    .contains("propose", "revise", "withdraw");
        }

        @Test
        void refusesAReviewerHandleToAnAgent() {
            GitOpsRepository repo = open();

            assertThatThrownBy(() -> repo.reviewer(Principal.agent("builder")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("humans-approve"));
        }

        @Test
        void deniesTheDelegatingHumanNamingTheRule() {
            GitOpsRepository repo = open();
            Proposal proposed = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());

            assertThatThrownBy(() -> repo.reviewer(Principal.human("dave")).approve(proposed.id()))
                    .isInstanceOf(ActionDeniedException.class)
                    .hasMessageContaining("no-self-approval");
            assertThat(repo.proposal(proposed.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void deniesAnApproverWithoutTheApproveRole() {
            GitOpsRepository repo = open();
            Proposal proposed = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());

            assertThatThrownBy(() -> repo.reviewer(Principal.human("erin")).approve(proposed.id()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("permission"));
        }

        @Test
        void deniesAProposalByAnUnboundPrincipal() {
            GitOpsRepository repo = open();

            assertThatThrownBy(() -> repo.proposer(Principal.agent("stranger"))
                            .propose("staging", Samples.web("1.0.0"), "add web", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("permission"));
            assertThat(repo.proposals(null)).isEmpty();
        }

        @Test
        void refusesAnUnknownEnvironment() {
            GitOpsRepository repo = open();

            assertThatThrownBy(() -> repo.proposer(AGENT).propose("qa", Samples.web("1.0.0"), "x", List.of()))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("unknown environment 'qa'");
        }
    }

    @Nested
    class Production {
        @Test
        void needsTwoApprovals() {
            GitOpsRepository repo = open();
            Proposal p = repo.proposer(AGENT).propose("production", Samples.web("1.0.0"), "add web", List.of());

            assertThat(repo.reviewer(ALICE).approve(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
            assertThat(repo.reviewer(CAROL).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.log().get(0).approvers()).containsExactly("human:alice", "human:carol");
        }

        @Test
        void holdsTheRecordDuringAFreeze() {
            GitOpsRepository repo = open("2026-12-24T10:00:00Z");
            Proposal p = repo.proposer(AGENT).propose("production", Samples.web("1.0.0"), "add web", List.of());
            repo.reviewer(ALICE).approve(p.id());

            Proposal held = repo.reviewer(CAROL).approve(p.id());

            assertThat(held.state()).isEqualTo(ProposalState.APPROVED);
            assertThat(repo.record(p.id(), ALICE).state()).isEqualTo(ProposalState.APPROVED);
            assertThat(repo.log()).hasSize(1);
            assertThat(held.decisions().get(held.decisions().size() - 1).rule()).isEqualTo("freeze");
        }
    }

    @Nested
    class ReadingThePolicy {
        @Test
        void returnsThePolicyRecordedOnMain() {
            GitOpsRepository repo = open();

            assertThat(repo.policy().hash())
                    .isEqualTo(
                            dev.countersign.policy.Policy.parse(Samples.POLICY).hash());
            assertThat(repo.policy().principals()).isNotEmpty();
        }

        @Test
        void refusesBeforeTheRepositoryIsInitialized() {
            repository = GitOpsRepository.open(directory);

            assertThatThrownBy(repository::policy)
                    .isInstanceOf(GitOpsException.class)
                    .hasMessageContaining("initialize it first");
        }
    }

    @Nested
    class Reviewing {
        @Test
        void showsDiffWavesVariablesAndTheBlastRadiusOfARemoval() {
            GitOpsRepository repo = open();
            repo.reviewer(ALICE)
                    .approve(repo.proposer(AGENT)
                            .propose("staging", Samples.web("1.0.0"), "add web", List.of())
                            .id());
            Proposal removal =
                    repo.proposer(AGENT).propose("staging", Samples.webWithoutDatabase(), "drop db", List.of());

            Review review = repo.review(removal.id());

            assertThat(review.diff().removed()).containsExactly("database");
            assertThat(review.blastRadius()).containsEntry("database", List.of("api"));
            assertThat(review.waves()).containsExactly(List.of("api"));
            assertThat(review.proposal().state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void showsVariablesWithTheirProvenance() {
            GitOpsRepository repo = open();
            Proposal p = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());

            Review review = repo.review(p.id());

            assertThat(review.waves()).containsExactly(List.of("database"), List.of("api"));
            assertThat(review.dependencies())
                    .containsExactly(Map.entry("database", List.of()), Map.entry("api", List.of("database")));
            assertThat(review.variables())
                    .extracting(use -> use.variable() + "<-" + use.source().label())
                    .contains("replicas<-environment", "domain<-environment");
        }
    }

    @Nested
    class Guardrails {
        @Test
        void deniesRemovingAProtectedComponent() {
            GitOpsRepository repo = open();
            repo.reviewer(ALICE)
                    .approve(repo.proposer(Principal.human("bob"))
                            .propose("staging", Samples.data(true), "add data", List.of())
                            .id());

            assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", Samples.data(false), "drop", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("protection"))
                    .hasMessageContaining("postgres");
        }

        @Test
        void deniesDeletingALabelledObjectTogetherWithItsLabel() {
            GitOpsRepository repo = open();
            repo.reviewer(ALICE)
                    .approve(repo.proposer(Principal.human("bob"))
                            .propose("staging", Samples.labelled(true), "add config", List.of())
                            .id());

            assertThatThrownBy(() ->
                            repo.proposer(AGENT).propose("staging", Samples.labelled(false), "tidy up", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("protection"))
                    .hasMessageContaining("keep-me");
        }

        @Test
        void deniesSecretPlaintextFromAnAgentWithoutEchoingIt() {
            GitOpsRepository repo = open();

            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose("staging", Samples.grafana("hunter2-plaintext"), "add grafana", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("secret-plaintext"))
                    .hasMessageNotContaining("hunter2-plaintext");
            assertThat(repo.proposals(null)).isEmpty();
        }

        @Test
        void refusesAComponentNameThatTriesToEscapeItsFolder() {
            GitOpsRepository repo = open();

            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose(
                                    "staging",
                                    Samples.web("1.0.0")
                                            .withComponents(List.of(new dev.countersign.stack.Component(
                                                    "../../.countersign/policy",
                                                    List.of(),
                                                    Samples.web("1.0.0")
                                                            .components()
                                                            .get(0)
                                                            .source(),
                                                    List.of()))),
                                    "escape",
                                    List.of()))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("../../.countersign/policy");
            assertThat(repo.proposals(null)).isEmpty();
        }
    }

    @Nested
    class Reverting {
        @Test
        void revertsARecordedChangeThroughTheSameContract() {
            GitOpsRepository repo = open();
            String first = repo.reviewer(ALICE)
                    .approve(repo.proposer(AGENT)
                            .propose("staging", Samples.web("1.0.0"), "add web", List.of())
                            .id())
                    .recordedCommit();
            String second = repo.reviewer(ALICE)
                    .approve(repo.proposer(AGENT)
                            .propose("staging", Samples.web("2.0.0"), "bump api", List.of())
                            .id())
                    .recordedCommit();

            Proposal revert = repo.proposer(AGENT).proposeRevert(second, "2.0.0 breaks login");
            Proposal recorded = repo.reviewer(CAROL).approve(revert.id());

            assertThat(recorded.reverts()).isEqualTo(second);
            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.review(revert.id()).diff().changed()).containsKey("api");
            assertThat(repo.verify(first).isClean()).isTrue();
        }

        @Test
        void revertsTheFirstRecordOfAStackByRemovingIt() {
            GitOpsRepository repo = open();
            String created = repo.reviewer(ALICE)
                    .approve(repo.proposer(AGENT)
                            .propose("staging", Samples.web("1.0.0"), "add web", List.of())
                            .id())
                    .recordedCommit();

            Proposal revert = repo.proposer(AGENT).proposeRevert(created, "web was never meant for staging");
            Proposal recorded = repo.reviewer(CAROL).approve(revert.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(recorded.reverts()).isEqualTo(created);
            assertThat(repo.review(revert.id()).diff().removed()).containsExactlyInAnyOrder("database", "api");
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void refusesToRevertACommitThatIsNotARecordedChange() {
            GitOpsRepository repo = open();
            String root = repo.log().get(0).commit();

            assertThatThrownBy(() -> repo.proposer(AGENT).proposeRevert(root, "undo init"))
                    .isInstanceOf(InvalidProposalException.class)
                    .hasMessageContaining("not a recorded change");
        }
    }
}
