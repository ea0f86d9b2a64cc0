package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;
import dev.countersign.render.ClusterApiMapping;
import dev.countersign.render.InfrastructureTemplate;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Cluster API files of an environment's topology: recorded with it, hashed, and checked by the verifier. */
class ClusterApiRecordTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final String PLAIN = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu}
            """;
    private static final String TOPOLOGY = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec:
              cluster: staging-eu
              topology:
                kubernetesVersion: v1.32.2
                controlPlane: {count: 1, serverType: cpx21, location: fsn1}
                nodeGroups:
                  - {name: workers, serverType: cpx31, location: fsn1, count: %d, labels: {pool: workers}}
            """;
    static final ClusterApiMapping HETZNER = new ClusterApiMapping(
            "default",
            new InfrastructureTemplate(
                    "infrastructure.cluster.x-k8s.io/v1beta1",
                    "HetznerCluster",
                    Map.of(
                            "controlPlaneRegions", List.of("${location}"),
                            "hetznerSecretRef", Map.of("name", "hetzner", "key", Map.of("hcloudToken", "hcloud")),
                            "sshKeys", Map.of("hcloud", List.of(Map.of("name", "countersign"))))),
            new InfrastructureTemplate(
                    "infrastructure.cluster.x-k8s.io/v1beta1",
                    "HCloudMachineTemplate",
                    Map.of("template", Map.of("spec", Map.of("type", "${serverType}", "imageName", "ubuntu-24.04")))));
    private static final String WORKERS = "topology/staging/node-groups/workers.yaml";

    @TempDir
    Path directory;

    private GitStore git;
    private Lifecycle lifecycle;

    @BeforeEach
    void initialize() {
        git = GitStore.open(directory);
        AtomicInteger next = new AtomicInteger();
        lifecycle = Lifecycle.of(git, FakeAuthority.source(), CLOCK, () -> "p" + next.incrementAndGet());
        lifecycle
                .initialization()
                .initialize(
                        Fixture.files(Layout.POLICY, "approvals=1\n", ".countersign/environments/staging.yaml", PLAIN),
                        "human:admin");
    }

    @AfterEach
    void close() {
        git.close();
    }

    private static Environment workers(int count) {
        return StackFiles.parseEnvironment(TOPOLOGY.formatted(count), "staging.yaml");
    }

    private Proposal record(Environment environment, ClusterApiMapping mapping) {
        Proposal p = lifecycle
                .drafting()
                .proposeEnvironment(new EnvironmentDraft(
                        Principal.parse("agent:builder"), environment, "size", List.of(), null, null, null, mapping));
        return lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
    }

    private String main(String path) {
        return git.read(lifecycle.ledger().mainHead(), path)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("<absent>");
    }

    private List<String> verify() {
        return new Verifier(git, FakeAuthority.source())
                .verify(null).findings().stream().map(Finding::rule).toList();
    }

    @Test
    void recordsTheMappingAndTheClusterApiFilesWithTheEnvironment() {
        Proposal recorded = record(workers(2), HETZNER);

        assertThat(recorded.recordedCommit()).isNotNull();
        assertThat(recorded.changedPaths())
                .contains(".countersign/cluster-api/staging.yaml", "topology/staging/cluster.yaml", WORKERS);
        assertThat(main(WORKERS)).contains("replicas: 2", "kind: MachineDeployment", "type: cpx31");
        assertThat(main(".countersign/cluster-api/staging.yaml")).contains("kind: ClusterApi");
        assertThat(verify()).isEmpty();
    }

    @Test
    void aLaterChangeKeepsTheRecordedMappingAndRendersTheNewTopology() {
        record(workers(2), HETZNER);

        Proposal grown = lifecycle
                .drafting()
                .proposeEnvironment(new EnvironmentDraft(
                        Principal.parse("agent:builder"), workers(3), "grow", List.of(), null, null));

        assertThat(grown.changedPaths()).containsExactlyInAnyOrder(".countersign/environments/staging.yaml", WORKERS);
        lifecycle.deciding().approve(grown.id(), Principal.parse("human:alice"));
        assertThat(main(WORKERS)).contains("replicas: 3");
        assertThat(verify()).isEmpty();
    }

    @Test
    void theRevertOfAMappingChangeRestoresTheMappingBeforeIt() {
        record(workers(2), HETZNER);
        ClusterApiMapping other = new ClusterApiMapping("clusters", HETZNER.cluster(), HETZNER.machineTemplate());
        Proposal changed = record(workers(2), other);
        assertThat(main(WORKERS)).contains("namespace: clusters");

        Proposal revert = lifecycle
                .reverting()
                .proposeRevert(
                        Objects.requireNonNull(changed.recordedCommit()), Principal.parse("agent:builder"), "undo");
        lifecycle.deciding().approve(revert.id(), Principal.parse("human:alice"));

        assertThat(main(WORKERS)).contains("namespace: default").doesNotContain("namespace: clusters");
        assertThat(main(".countersign/cluster-api/staging.yaml")).contains("namespace: default");
        assertThat(verify()).isEmpty();
    }

    @Test
    void anEnvironmentWithoutAMappingHasNoClusterApiFiles() {
        Proposal p = lifecycle
                .drafting()
                .proposeEnvironment(new EnvironmentDraft(
                        Principal.parse("agent:builder"), workers(2), "topology", List.of(), null, null));

        assertThat(p.changedPaths()).containsExactly(".countersign/environments/staging.yaml");
    }

    @Test
    void theContentHashCoversTheClusterApiFiles() {
        record(workers(2), HETZNER);
        SortedMap<String, byte[]> region =
                EnvironmentRendering.region(git, git.tree(lifecycle.ledger().mainHead()), "staging");

        assertThat(region.keySet())
                .contains(".countersign/cluster-api/staging.yaml", "topology/staging/cluster.yaml", WORKERS);
    }

    @Test
    void reportsAHandEditOfARecordedClusterApiFile() {
        Proposal recorded = record(workers(2), HETZNER);

        List<String> findings =
                forgeOnTopWith(recorded, Fixture.files(WORKERS, main(WORKERS).replace("replicas: 2", "replicas: 40")));

        assertThat(findings).contains(RenderedCheck.RULE, "content-hash-mismatch");
        assertThat(EnvironmentRendering.differences(git, lifecycle.ledger().mainHead(), "staging"))
                .containsExactly("changed " + WORKERS);
    }

    @Test
    void reportsAHandEditOfTheMapping() {
        Proposal recorded = record(workers(2), HETZNER);

        List<String> findings = forgeOnTopWith(
                recorded,
                Fixture.files(
                        ".countersign/cluster-api/staging.yaml",
                        main(".countersign/cluster-api/staging.yaml").replace("ubuntu-24.04", "attacker-image")));

        assertThat(findings).contains(RenderedCheck.RULE, "content-hash-mismatch");
    }

    @Test
    void reportsAHandEditWithoutTrailers() {
        record(workers(2), HETZNER);
        CommitId head = lifecycle.ledger().mainHead();
        CommitId edit = git.commit(
                git.writeTree(head, new TreeMap<String, byte[]>(Fixture.files(WORKERS, "kind: Nothing\n"))),
                List.of(head),
                Idents.of("agent:builder", CLOCK.instant()),
                Idents.of("agent:builder", CLOCK.instant()),
                "resize by hand");
        git.compareAndSwap(Refs.MAIN, head, edit, "hand edit");

        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .anySatisfy(finding -> assertThat(finding.commit()).isEqualTo(edit.name()));
    }

    private List<String> forgeOnTopWith(Proposal recorded, SortedMap<String, byte[]> edits) {
        CommitId head = lifecycle.ledger().mainHead();
        Trailers trailers = git.commitInfo(new CommitId(Objects.requireNonNull(recorded.recordedCommit())))
                .trailers();
        CommitId forged = git.commit(
                git.writeTree(head, new TreeMap<String, byte[]>(edits)),
                List.of(head),
                Idents.of("agent:builder", CLOCK.instant()),
                Idents.of(Idents.RECORDER, CLOCK.instant()),
                trailers.appendTo("forged"));
        git.compareAndSwap(Refs.MAIN, head, forged, "forged");
        return new Verifier(git, FakeAuthority.source())
                .verify(null).findings().stream()
                        .filter(f -> f.commit().equals(forged.name()))
                        .map(Finding::rule)
                        .toList();
    }
}
