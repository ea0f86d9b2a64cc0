package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolutionException;
import dev.countersign.render.spi.ChartResolver;
import dev.countersign.stack.ChartSettings;
import dev.countersign.stack.Environment;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code charts: {pin: digest}} at propose: what is pinned, what is kept, what is refused, and what it shows. */
class ChartPinningTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");
    private static final String APPROVED = "sha256:" + "a1".repeat(32);
    private static final String REPUSHED = "sha256:" + "b2".repeat(32);

    @TempDir
    Path directory;

    private final Registry registry = new Registry();
    private GitOpsRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open(@Nullable ChartResolver resolver, ChartSettings charts) {
        GitOpsRepositoryBuilder builder = GitOpsRepositoryBuilder.of(directory)
                .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC))
                .random(new SecureRandom());
        if (resolver != null) {
            builder.chartResolver(resolver);
        }
        repo = builder.open();
        Environment staging = new Environment("staging", "staging-eu", Map.of()).withCharts(charts);
        repo.initialize(ALICE, Samples.POLICY, List.of(staging));
        return repo;
    }

    private GitOpsRepository open() {
        return open(registry, ChartSettings.digests());
    }

    @Test
    void pinsAnOciChartInTheDraftSoTheReviewerSeesTheDigestAndTheApprovalBindsIt() {
        registry.tag("6.7.1", APPROVED);
        open();

        Proposal proposed = repo.proposer(AGENT).propose("staging", podinfo("6.7.1", null, 1), "add", List.of());

        Review review = repo.review(proposed.id());
        assertThat(review.charts()).singleElement().satisfies(chart -> {
            assertThat(chart.status()).isEqualTo("added");
            assertThat(chart.versionAfter()).isEqualTo("6.7.1");
            assertThat(chart.digestAfter()).isEqualTo(APPROVED);
            assertThat(chart.describe()).contains("6.7.1 (" + APPROVED + ")");
        });
        assertThat(repo.reviewer(ALICE).approve(proposed.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(helm(repo.recorded().stack("staging", "web").orElseThrow()).digest())
                .isEqualTo(APPROVED);
    }

    @Test
    void keepsTheRecordedDigestWhenTheTagWasPushedAgainAndTheVersionStays() {
        registry.tag("6.7.1", APPROVED);
        open();
        record(podinfo("6.7.1", null, 1));
        registry.tag("6.7.1", REPUSHED);
        int calls = registry.calls();

        Proposal scaled = repo.proposer(AGENT).propose("staging", podinfo("6.7.1", null, 3), "scale", List.of());

        assertThat(registry.calls()).isEqualTo(calls);
        assertThat(repo.review(scaled.id()).charts()).singleElement().satisfies(chart -> {
            assertThat(chart.status()).isEqualTo("unchanged");
            assertThat(chart.digestAfter()).isEqualTo(APPROVED);
        });
    }

    @Test
    void refusesAHandWrittenDigestThatIsNotWhatTheVersionResolvesTo() {
        registry.tag("6.7.1", APPROVED);
        open();
        List<Proposal> before = repo.proposals(null);

        assertThatThrownBy(
                        () -> repo.proposer(AGENT).propose("staging", podinfo("6.7.1", REPUSHED, 1), "add", List.of()))
                .isInstanceOfSatisfying(UnpinnedChartException.class, e -> {
                    assertThat(e.component()).isEqualTo("podinfo");
                    assertThat(e.getMessage())
                            .contains("is pinned to " + REPUSHED)
                            .contains("resolves that version to " + APPROVED);
                });
        assertThat(repo.proposals(null)).isEqualTo(before);
    }

    @Test
    void showsOtherBytesUnderTheSameVersionWhenAHumanPinsTheRepushedTag() {
        registry.tag("6.7.1", APPROVED);
        open();
        record(podinfo("6.7.1", null, 1));
        registry.tag("6.7.1", REPUSHED);

        Proposal repin = repo.proposer(CAROL).propose("staging", podinfo("6.7.1", REPUSHED, 1), "repin", List.of());

        assertThat(repo.review(repin.id()).charts()).singleElement().satisfies(chart -> {
            assertThat(chart.status()).isEqualTo("changed");
            assertThat(chart.otherBytesUnderSameVersion()).isTrue();
            assertThat(chart.describe()).contains("same version, other bytes");
        });
    }

    @Test
    void refusesAChartFromAnHttpsHelmRepositorySayingWhy() {
        open();

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add", List.of()))
                .isInstanceOfSatisfying(
                        UnpinnedChartException.class,
                        e -> assertThat(e.component()).isEqualTo("database"))
                .hasMessageContaining("chart 'postgres' 1.0.0 from https://charts.example.com")
                .hasMessageContaining("pins chart digests (charts: {pin: digest})")
                .hasMessageContaining("neither Flux nor Argo CD can pull it by digest")
                .hasMessageContaining("publish the chart to an oci:// registry");
        assertThat(repo.proposals(null)).isEmpty();
    }

    @Test
    void refusesWhenTheRegistryCannotResolveTheChartNamingIt() {
        open();

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", podinfo("9.9.9", null, 1), "add", List.of()))
                .isInstanceOf(UnpinnedChartException.class)
                .hasMessageContaining("cannot be pinned for environment staging")
                .hasMessageContaining("cannot resolve chart oci://ghcr.io/stefanprodan/charts/podinfo:9.9.9")
                .hasCauseInstanceOf(ChartResolutionException.class);
        assertThat(repo.proposals(null)).isEmpty();
    }

    @Test
    void withoutAResolverAcceptsOnlyTheDigestRecordedForTheSameVersion() {
        open(null, ChartSettings.digests());

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", podinfo("6.7.1", null, 1), "add", List.of()))
                .isInstanceOf(UnpinnedChartException.class)
                .hasMessageContaining("no chart resolver is configured to pin or check its digest");
        assertThatThrownBy(
                        () -> repo.proposer(AGENT).propose("staging", podinfo("6.7.1", APPROVED, 1), "add", List.of()))
                .isInstanceOf(UnpinnedChartException.class);
        assertThat(repo.proposals(null)).isEmpty();
    }

    @Test
    void refusesAChartVersionWrittenAsAVariable() {
        registry.tag("6.7.1", APPROVED);
        open();
        Stack templated = StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  variables: {v: 6.7.1}
                  components:
                    - name: podinfo
                      helm: {repository: oci://ghcr.io/stefanprodan/charts, chart: podinfo, version: "${v}",
                             namespace: web}
                """, "web.yaml");

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", templated, "add", List.of()))
                .isInstanceOf(UnpinnedChartException.class)
                .hasMessageContaining("writes its repository or version as a variable");
    }

    @Test
    void asksNoRegistryWhereTheEnvironmentPinsVersionsOnly() {
        open(registry, ChartSettings.defaults());

        Proposal proposed = repo.proposer(AGENT).propose("staging", podinfo("6.7.1", null, 1), "add", List.of());

        assertThat(registry.calls()).isZero();
        assertThat(repo.review(proposed.id()).charts().get(0).digestAfter()).isNull();
    }

    @Test
    void refusesToTurnPinningOnWhileARecordedStackHasAnUnpinnedChart() {
        open(registry, ChartSettings.defaults());
        record(podinfo("6.7.1", null, 1));
        Environment pinned =
                repo.recorded().environment("staging").orElseThrow().withCharts(ChartSettings.digests());

        assertThatThrownBy(() -> repo.proposer(CAROL).proposeEnvironment(pinned, "pin charts", List.of()))
                .isInstanceOf(UnpinnedChartException.class)
                .hasMessageContaining("has no digest, but environment staging pins chart digests")
                .hasMessageContaining("propose the stack again");
    }

    private void record(Stack stack) {
        Proposal proposed = repo.proposer(AGENT).propose("staging", stack, "change", List.of());
        assertThat(repo.reviewer(ALICE).approve(proposed.id()).state()).isEqualTo(ProposalState.RECORDED);
    }

    private static HelmSource helm(Stack stack) {
        return (HelmSource) stack.components().get(0).source();
    }

    private static Stack podinfo(String version, @Nullable String digest, int replicas) {
        return StackFiles.parseStack(
                """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: podinfo
                      helm: {repository: oci://ghcr.io/stefanprodan/charts, chart: podinfo, version: %s,%s
                             namespace: web, values: {replicaCount: %d}}
                """.formatted(version, digest == null ? "" : " digest: \"" + digest + "\",", replicas), "web.yaml");
    }

    /** A registry's answers as a table: the tag each version points at now, and how often it was asked. */
    private static final class Registry implements ChartResolver {
        private final Map<String, String> tags = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();

        void tag(String version, String digest) {
            tags.put(version, digest);
        }

        int calls() {
            return calls.get();
        }

        @Override
        public String resolve(ChartCoordinates chart) {
            calls.incrementAndGet();
            String digest = tags.get(chart.version());
            if (digest == null) {
                throw new ChartResolutionException(chart, "the registry answered 404");
            }
            return digest;
        }
    }
}
