package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import dev.countersign.render.ClusterApiMapping;
import dev.countersign.render.InfrastructureTemplate;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scene through the public API: a human records staging's topology with the Hetzner mapping; the agent
 * proposes growing the workers from 2 to 3 with its evidence; it cannot approve; humans do (an agent's cost rise
 * needs one extra approval), and the Cluster API files land in the record.
 */
class ClusterApiProposalTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");
    private static final String WORKERS = "topology/staging/node-groups/workers.yaml";
    private static final ClusterApiMapping HETZNER = new ClusterApiMapping(
            "clusters",
            new InfrastructureTemplate(
                    "infrastructure.cluster.x-k8s.io/v1beta1",
                    "HetznerCluster",
                    Map.of("controlPlaneRegions", List.of("${location}"))),
            new InfrastructureTemplate(
                    "infrastructure.cluster.x-k8s.io/v1beta1",
                    "HCloudMachineTemplate",
                    Map.of("template", Map.of("spec", Map.of("type", "${serverType}")))));
    private static final Insight PRESSURE = Insight.of(
            "add a worker: memory pressure on staging is climbing",
            List.of(new Insight.Evidence("node_memory_working_set_ratio", Duration.ofHours(6), List.of(0.78, 0.86))),
            0.8);

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private static Environment staging(int workers) {
        return StackFiles.parseEnvironment("""
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
                      - {name: workers, serverType: cpx31, location: fsn1, count: %d}
                """.formatted(workers), "staging.yaml");
    }

    private String main(String path) {
        try (GitStore git = GitStore.open(directory)) {
            return git.read(git.resolve("refs/heads/main").orElseThrow(), path)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElse("<absent>");
        }
    }

    private void recordTopology() {
        Proposal p = repo.proposer(ALICE)
                .proposeEnvironment(EnvironmentRequest.of(staging(2))
                        .rationale("describe the cluster")
                        .clusterApi(HETZNER));
        repo.reviewer(CAROL).approve(p.id());
    }

    @Test
    void theAgentsSizingProposalLandsOnlyThroughAHuman() {
        recordTopology();
        String before = main(WORKERS);

        Proposal grow = repo.proposer(AGENT)
                .proposeEnvironment(EnvironmentRequest.of(staging(3))
                        .rationale("memory pressure")
                        .insight(PRESSURE));

        assertThat(grow.changedPaths()).contains(WORKERS);
        assertThat(repo.environmentReview(grow.id()).proposal().insight()).contains(PRESSURE);
        assertThatThrownBy(() -> repo.reviewer(AGENT).approve(grow.id())).isInstanceOf(ActionDeniedException.class);
        assertThat(main(WORKERS)).isEqualTo(before).contains("replicas: 2");

        Proposal once = repo.reviewer(ALICE).approve(grow.id());
        assertThat(once.state())
                .as("an agent's cost rise needs one extra human approval")
                .isEqualTo(ProposalState.PROPOSED);
        assertThat(main(WORKERS)).contains("replicas: 2");
        Proposal recorded = repo.reviewer(CAROL).approve(grow.id());

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(main(WORKERS)).contains("replicas: 3", "namespace: clusters");
        assertThat(repo.verify().isClean()).isTrue();
    }

    @Test
    void aRevisionKeepsTheMappingItsDraftGives() {
        Proposal first = repo.proposer(ALICE)
                .proposeEnvironment(EnvironmentRequest.of(staging(2)).clusterApi(HETZNER));

        Proposal revised = repo.proposer(ALICE).reviseEnvironment(first.id(), staging(4));

        assertThat(revised.changedPaths()).contains(".countersign/cluster-api/staging.yaml", WORKERS);
        repo.reviewer(CAROL).approve(revised.id());
        assertThat(main(WORKERS)).contains("replicas: 4");
        assertThat(main(".countersign/cluster-api/staging.yaml")).contains("namespace: clusters");
    }

    @Test
    void refusesATopologyTheMappingCannotRenderBeforeWritingAnything() {
        Environment badCluster = StackFiles.parseEnvironment(
                StackFiles.toYaml(List.of(staging(2).toTree())).replace("staging-eu", "Staging_EU"), "staging.yaml");

        assertThatThrownBy(() -> repo.proposer(ALICE)
                        .proposeEnvironment(EnvironmentRequest.of(badCluster).clusterApi(HETZNER)))
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("cannot render the topology of environment staging for Cluster API")
                .hasMessageContaining("'Staging_EU'");
        assertThat(repo.proposals(null)).isEmpty();
    }
}
