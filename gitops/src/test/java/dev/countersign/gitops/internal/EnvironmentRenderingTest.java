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
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's checks of a recorded environment change, against forged and hand-edited commits. */
class EnvironmentRenderingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final String NATIVE = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu}
            """;

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
                        Fixture.files(Layout.POLICY, "approvals=1\n", ".countersign/environments/staging.yaml", NATIVE),
                        "human:admin");
        for (String name : List.of("web", "jobs")) {
            Proposal p = lifecycle
                    .drafting()
                    .propose(Fixture.draftOf(
                            "agent:builder", null, "staging", name, stack(name), "add " + name, List.of(), null));
            lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
        }
    }

    @AfterEach
    void close() {
        git.close();
    }

    private static SortedMap<String, byte[]> stack(String name) {
        return Fixture.files("stack.yaml", """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0, namespace: web}
                """.formatted(name));
    }

    private Proposal switchToFlux() {
        Environment flux = StackFiles.parseEnvironment(
                NATIVE.replace("staging-eu}", "staging-eu, renderer: flux}"), "staging.yaml");
        Proposal p = lifecycle
                .drafting()
                .proposeEnvironment(
                        Fixture.environmentDraft("agent:builder", null, flux, "to flux", List.of(), null, null));
        return lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
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

    @Test
    void verifiesARecordedEnvironmentChangeClean() {
        Proposal recorded = switchToFlux();

        assertThat(recorded.isEnvironmentChange()).isTrue();
        assertThat(git.read(lifecycle.ledger().mainHead(), "clusters/staging/jobs.yaml"))
                .isPresent();
        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .isEmpty();
    }

    @Test
    void reportsAHandEditOfARenderingUnderEnvironmentTrailers() {
        Proposal recorded = switchToFlux();

        assertThat(forgeOnTopWith(
                        recorded, Fixture.files("clusters/staging/web.yaml", "apiVersion: v1\nkind: Namespace\n")))
                .contains(RenderedCheck.RULE, "content-hash-mismatch");
        assertThat(EnvironmentRendering.differences(git, lifecycle.ledger().mainHead(), "staging"))
                .containsExactly("changed clusters/staging/web.yaml");
    }

    @Test
    void reportsAStackSmuggledIntoAnEnvironmentChange() {
        Proposal recorded = switchToFlux();

        assertThat(forgeOnTopWith(recorded, Fixture.files("environments/staging/evil/stack.yaml", "x: 1\n")))
                .contains("outside-stack-folder");
    }

    @Test
    void reportsAPathOutsideTheEnvironmentsRegion() {
        Proposal recorded = switchToFlux();

        assertThat(forgeOnTopWith(recorded, Fixture.files(Layout.POLICY, "approvals=0\n")))
                .contains("outside-stack-folder");
    }

    @Test
    void reportsASecretsFileChangedByAnAgentsEnvironmentChange() {
        Proposal recorded = switchToFlux();

        assertThat(forgeOnTopWith(
                        recorded, Fixture.files("environments/staging/web/secrets.sops.yaml", "token: plain\n")))
                .contains(SecretRules.FROM_HUMANS);
    }

    @Test
    void theRegionIsTheEnvironmentFileAndItsFourFolders() {
        switchToFlux();

        SortedMap<String, byte[]> region =
                EnvironmentRendering.region(git, git.tree(lifecycle.ledger().mainHead()), "staging");

        assertThat(region.keySet())
                .contains(
                        ".countersign/environments/staging.yaml",
                        "environments/staging/web/stack.yaml",
                        "clusters/staging/web.yaml",
                        "apps/staging/.sops.yaml")
                .doesNotContain(Layout.POLICY);
        assertThat(new String(region.get(".countersign/environments/staging.yaml"), StandardCharsets.UTF_8))
                .contains("renderer: flux");
    }
}
