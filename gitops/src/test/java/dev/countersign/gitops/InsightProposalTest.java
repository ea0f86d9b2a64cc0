package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An insight rides on its proposal into Git and back, and gives the agent that files it no power to approve. */
class InsightProposalTest {
    private static final Principal AGENT = Principal.agent("builder");
    private static final Principal AGENT_FOR_DAVE = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Insight PRESSURE = Insight.of(
            "add a node: memory pressure on the workers is climbing",
            List.of(new Insight.Evidence(
                    "node_memory_working_set_ratio{pool=\"workers\"}", Duration.ofHours(6), List.of(0.71, 0.78, 0.86))),
            0.8);

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        if (!repo.isInitialized()) {
            repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        }
        return repo;
    }

    private Proposal proposeStack(Principal by) {
        return open().proposer(by)
                .propose(ProposalRequest.of("staging", Samples.web("1.0.0"))
                        .rationale("memory pressure")
                        .insight(PRESSURE));
    }

    private SortedMap<String, CommitId> refs() {
        try (GitStore git = GitStore.open(directory)) {
            return git.refs("refs/");
        }
    }

    @Test
    void keepsTheInsightOfAStackChangeInItsStoredMetadata() {
        String id = proposeStack(AGENT).id();
        repo.close();

        assertThat(open().proposal(id).insight()).contains(PRESSURE);
        assertThat(repo.review(id).proposal().insight()).contains(PRESSURE);
    }

    @Test
    void keepsTheInsightOfAnEnvironmentChange() {
        Proposal p = open().proposer(AGENT)
                .proposeEnvironment(
                        EnvironmentProposalTest.environment("staging", "staging-eu", "flux", "5m"),
                        "to flux",
                        List.of(),
                        PRESSURE);

        assertThat(repo.proposal(p.id()).insight()).contains(PRESSURE);
        assertThat(repo.environmentReview(p.id()).proposal().insight()).contains(PRESSURE);
    }

    @Test
    void aProposalWithoutAnInsightHasNone() {
        Proposal p = open().proposer(AGENT).propose("staging", Samples.web("1.0.0"), "plain", List.of());

        assertThat(repo.proposal(p.id()).insight()).isEmpty();
    }

    @Test
    void aRevisionKeepsTheInsight() {
        Proposal p = proposeStack(AGENT);

        Proposal revised = repo.proposer(AGENT).revise(p.id(), Samples.web("1.0.1"));

        assertThat(repo.proposal(revised.id()).insight()).contains(PRESSURE);
    }

    @Test
    void theAgentThatFilesAnInsightCanNeitherApproveNorRecordIt() {
        Proposal p = proposeStack(AGENT_FOR_DAVE);
        SortedMap<String, CommitId> before = refs();

        assertThatThrownBy(() -> repo.reviewer(AGENT)).isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> repo.reviewer(AGENT_FOR_DAVE).approve(p.id()))
                .isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> repo.record(p.id(), AGENT_FOR_DAVE)).isInstanceOf(GitOpsException.class);

        assertThat(refs()).isEqualTo(before);
        assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(repo.proposal(p.id()).approvals()).isEmpty();
        assertThat(repo.recorded().stacks("staging")).doesNotContain("web");
    }

    @Test
    void aHumanApprovesAndRecordsItLikeAnyChange() {
        Proposal p = proposeStack(AGENT_FOR_DAVE);

        Proposal approved = repo.reviewer(ALICE).approve(p.id());

        assertThat(approved.state()).isIn(ProposalState.APPROVED, ProposalState.RECORDED);
        assertThat(approved.insight()).contains(PRESSURE);
    }
}
