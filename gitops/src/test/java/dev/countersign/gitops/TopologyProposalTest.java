package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster topology changes only through an environment proposal: reviewed with its cost, judged by the sizing
 * rules against the recorded state, and an agent with a shell that edits the environment file cannot delete a
 * node group or grow past the limits.
 */
class TopologyProposalTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");
    static final Path PRICING = Path.of("..", "samples", "pricing", "hetzner.yaml");
    private static final String POLICY = Samples.POLICY.replace(
            "    staging:    {approvals: {required: 1, from: [approver]}}\n",
            "    staging:    {approvals: {required: 1, from: [approver]}, limits: {maxNodes: 10}}\n");
    static final String STAGING = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec:
              cluster: staging-eu
              variables: {domain: staging.example.com, replicas: 2}
              topology:
                kubernetesVersion: v1.32.2
                controlPlane: {count: 3, serverType: cpx21, location: fsn1}
                nodeGroups:
                  - {name: workers, serverType: cpx31, location: fsn1, count: 2, labels: {pool: workers}}
                  - name: batch
                    serverType: cpx41
                    location: fsn1
                    autoscaling: {min: 0, max: 4}
                    taints: [{key: batch, value: "true", effect: NoSchedule}]
            """;

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(
                ALICE,
                Policy.parse(POLICY),
                List.of(StackFiles.parseEnvironment(STAGING, "staging.yaml"), Samples.ENVIRONMENTS.get(1)),
                List.of(),
                Pricing.read(PRICING));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    /** The environment file as an agent with a shell edits it: plain text replaced. */
    private static Environment edited(String from, String to) {
        assertThat(STAGING).contains(from);
        return StackFiles.parseEnvironment(STAGING.replace(from, to), "staging.yaml");
    }

    private void recordWebStack() {
        Proposal p = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
        repo.reviewer(ALICE).approve(p.id());
    }

    @Test
    void initStoresTheCatalogueAndTheTopologyIsRecordedWithTheEnvironment() {
        assertThat(repo.pricing()).contains(Pricing.read(PRICING));
        assertThat(staging().names()).containsExactly("workers", "batch");
    }

    @Test
    void anAgentsGrowthIsReviewedWithItsCostAndNeedsAnExtraHumanApproval() {
        recordWebStack();
        Proposal p = repo.proposer(AGENT)
                .proposeEnvironment(
                        edited("count: 2, labels", "count: 3, labels"), "memory pressure", List.of("grafana: mem 91%"));

        EnvironmentReview review = repo.environmentReview(p.id());
        assertThat(review.topologyChanges())
                .extracting(Object::toString)
                .containsExactly("/topology/nodeGroups/workers/count: 2 -> 3");
        assertThat(review.costReview().orElseThrow().text().get(0))
                .isEqualTo("workers  nodes 2 -> 3 (+1) · vCPU 8 -> 12 (+4) · memory GiB 16 -> 24 (+8) · GPUs 0 -> 0"
                        + " · billable worker vCPU 8 -> 12 (+4) · monthly EUR 31.44 -> 47.16 (+15.72)");

        Proposal once = repo.reviewer(ALICE).approve(p.id());
        assertThat(once.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(staging().group("workers").orElseThrow().count()).isEqualTo(2);
        assertThat(repo.reviewer(CAROL).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(staging().group("workers").orElseThrow().count()).isEqualTo(3);
    }

    @Test
    void anAgentThatDeletesANodeGroupFromTheFileIsRefusedAndNothingLands() throws IOException {
        Map<String, String> refs = refs();
        List<String> objects = objects();
        String batch = """
                      - name: batch
                        serverType: cpx41
                        location: fsn1
                        autoscaling: {min: 0, max: 4}
                        taints: [{key: batch, value: "true", effect: NoSchedule}]
                """;
        Environment withoutBatch = edited(batch, "");

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(withoutBatch, "save money", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("protection"))
                .hasMessageContaining("node group 'batch' is protected in the recorded state");

        assertThat(refs()).isEqualTo(refs);
        assertThat(objects()).isEqualTo(objects);
        assertThat(staging().names()).containsExactly("workers", "batch");
    }

    @Test
    void anAgentThatRaisesCountsPastTheLimitIsRefusedAndNothingLands() throws IOException {
        recordWebStack();
        Map<String, String> refs = refs();
        List<String> objects = objects();

        // 3 control planes + 5 workers + batch at its maximum 4 = 12 nodes > 10
        assertThatThrownBy(() -> repo.proposer(AGENT)
                        .proposeEnvironment(edited("count: 2, labels", "count: 5, labels"), "grow", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("sizing"))
                .hasMessageContaining("reaches 12 nodes (recorded: 9), above the environment's limit of 10");

        assertThat(refs()).isEqualTo(refs);
        assertThat(objects()).isEqualTo(objects);
    }

    @Test
    void scalingAGroupToZeroIsAChange() {
        Proposal p = repo.proposer(AGENT)
                .proposeEnvironment(edited("count: 2, labels", "count: 0, labels"), "quiet week", List.of());
        assertThat(repo.reviewer(ALICE).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(staging().group("workers").orElseThrow().count()).isZero();
    }

    @Test
    void aRecordedChangeThatAlsoRewritesTheCatalogueFailsVerification() throws IOException {
        Proposal p = repo.proposer(AGENT)
                .proposeEnvironment(edited("count: 2, labels", "count: 3, labels"), "grow", List.of());
        repo.reviewer(ALICE).approve(p.id());
        repo.reviewer(CAROL).approve(p.id());
        assertThat(repo.verify().isClean()).isTrue();
        String cheaper = Files.readString(PRICING).replace("monthly: \"15.72\"", "monthly: \"0\"");

        // the agent's shell: the recorded commit again, with its trailers, but a catalogue where workers are free
        String recorded;
        String message;
        try (Repository git = new FileRepositoryBuilder()
                        .setGitDir(directory.toFile())
                        .build();
                org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git)) {
            var commit = walk.parseCommit(git.resolve("refs/heads/main"));
            recorded = commit.name();
            message = commit.getFullMessage();
        }
        PushServer.commit(
                directory,
                "refs/heads/main",
                recorded,
                Map.of(dev.countersign.gitops.internal.PricingFile.PATH, cheaper),
                message,
                "agent:builder");

        assertThat(repo.verify().findings())
                .anySatisfy(finding -> assertThat(finding.toString()).contains(".countersign/pricing.yaml"));
    }

    private dev.countersign.stack.Topology staging() {
        dev.countersign.stack.Topology topology =
                repo.recorded().environment("staging").orElseThrow().topology();
        assertThat(topology).isNotNull();
        return topology;
    }

    private Map<String, String> refs() throws IOException {
        try (Repository git =
                new FileRepositoryBuilder().setGitDir(directory.toFile()).build()) {
            Map<String, String> refs = new TreeMap<>();
            for (Ref ref : git.getRefDatabase().getRefs()) {
                refs.put(ref.getName(), String.valueOf(ref.getObjectId()));
            }
            return refs;
        }
    }

    private List<String> objects() throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("objects"))) {
            return files.map(Path::toString).sorted().toList();
        }
    }
}
