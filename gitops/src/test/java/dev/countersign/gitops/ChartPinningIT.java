package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.OciRegistry;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.render.oci.OciChartResolver;
import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.stack.ChartSettings;
import dev.countersign.stack.Environment;
import dev.countersign.stack.FluxSettings;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code charts: {pin: digest}} through propose, approve and record against a real registry on 127.0.0.1 with the
 * built-in OCI resolver: the draft carries the digest of the bytes pushed, the Flux output pulls by it, and after
 * the tag is pushed again with other bytes the resolver answers anew while the record keeps the approved bytes.
 */
class ChartPinningIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final OciChartResolver RESOLVER =
            OciChartResolver.builder().plainHttpForLoopback(true).build();

    @TempDir
    Path directory;

    @TempDir
    Path registryFolder;

    private OciRegistry registry;
    private GitOpsRepository repo;

    @BeforeEach
    void start() throws Exception {
        registry = OciRegistry.start(registryFolder);
        repo = GitOpsRepositoryBuilder.of(directory)
                .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC))
                .random(new SecureRandom())
                .chartResolver(RESOLVER)
                .open();
        Environment staging = new Environment("staging", "staging-eu", Map.of())
                .withFlux(FluxSettings.defaults())
                .withCharts(ChartSettings.digests());
        repo.initialize(ALICE, Samples.POLICY, List.of(staging));
    }

    @AfterEach
    void stop() throws Exception {
        repo.close();
        registry.close();
    }

    @Test
    void pinsTheApprovedBytesAndKeepsThemWhenTheTagIsPushedAgain() throws Exception {
        String approved = registry.push("podinfo", "6.7.1", "the chart the reviewer approved");

        Proposal proposed = repo.proposer(AGENT).propose("staging", podinfo(1), "add podinfo", List.of());
        assertThat(draftFile(proposed, "environments/staging/web/stack.yaml")).contains("digest: " + approved);
        assertThat(draftFile(proposed, "apps/staging/web/podinfo/objects.yaml")).contains("digest: " + approved);
        assertThat(repo.reviewer(ALICE).approve(proposed.id()).state()).isEqualTo(ProposalState.RECORDED);

        String repushed = registry.push("podinfo", "6.7.1", "swapped behind the reviewer's back");

        assertThat(repushed).isNotEqualTo(approved);
        assertThat(RESOLVER.resolve(new ChartCoordinates(repository(), "podinfo", "6.7.1")))
                .isEqualTo(repushed);
        assertThat(recordedDigest()).isEqualTo(approved);
        assertThat(OciRegistry.digest(registry.manifest("podinfo", approved))).isEqualTo(approved);
        assertThat(show("main:apps/staging/web/podinfo/objects.yaml")).contains("digest: " + approved);

        Proposal scaled = repo.proposer(AGENT).propose("staging", podinfo(3), "scale podinfo", List.of());
        assertThat(repo.review(scaled.id()).charts()).singleElement().satisfies(chart -> {
            assertThat(chart.status()).isEqualTo("unchanged");
            assertThat(chart.digestAfter()).isEqualTo(approved);
        });
        assertThat(repo.reviewer(ALICE).approve(scaled.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(recordedDigest()).isEqualTo(approved);
    }

    private String recordedDigest() {
        Stack recorded = repo.recorded().stack("staging", "web").orElseThrow();
        return String.valueOf(((HelmSource) recorded.components().get(0).source()).digest());
    }

    private String repository() {
        return "oci://" + registry.address() + "/charts";
    }

    private Stack podinfo(int replicas) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: podinfo
                      helm: {repository: "%s", chart: podinfo, version: 6.7.1, namespace: web,
                             values: {replicaCount: %d}}
                """.formatted(repository(), replicas), "web.yaml");
    }

    private String draftFile(Proposal proposal, String path) throws Exception {
        return show(
                java.util.Objects.requireNonNull(proposal.progress().draft()).name() + ":" + path);
    }

    private String show(String object) throws Exception {
        Processes.Result shown = Processes.run(directory, "git", "--git-dir=" + directory, "show", object);
        assertThat(shown.code()).as(shown.err()).isZero();
        return shown.out();
    }
}
