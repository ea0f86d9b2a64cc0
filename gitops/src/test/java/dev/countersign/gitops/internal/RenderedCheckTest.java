package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording and verifying the files of a Flux environment's renderer, through the lifecycle. */
class RenderedCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final String ENVIRONMENT = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu, renderer: flux}
            """;

    @TempDir
    Path directory;

    private GitStore git;
    private Lifecycle lifecycle;

    @AfterEach
    void close() {
        git.close();
    }

    private void initialize() {
        git = GitStore.open(directory);
        AtomicInteger next = new AtomicInteger();
        lifecycle = Lifecycle.of(git, FakeAuthority.source(), CLOCK, () -> "p" + next.incrementAndGet());
        lifecycle
                .initialization()
                .initialize(
                        Fixture.files(
                                Layout.POLICY, "approvals=1\n", ".countersign/environments/staging.yaml", ENVIRONMENT),
                        "human:admin");
    }

    private Proposal record(String stack, SortedMap<String, byte[]> files) {
        Proposal p = lifecycle
                .drafting()
                .propose(Fixture.draftOf(
                        "agent:builder", null, "staging", stack, files, "change " + stack, List.of(), null));
        return lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
    }

    private static SortedMap<String, byte[]> stack(String name, String version) {
        return Fixture.files("stack.yaml", """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: %s, namespace: web}
                """.formatted(name, version));
    }

    private String main(String path) {
        return git.read(lifecycle.ledger().mainHead(), path)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse("<absent>");
    }

    @Test
    void recordsTheFluxFilesAndVerifiesThemClean() {
        initialize();
        Proposal recorded = record("web", stack("web", "1.0.0"));

        assertThat(recorded.changedPaths())
                .contains(
                        "clusters/staging/web.yaml",
                        "apps/staging/.sops.yaml",
                        "apps/staging/web/api/objects.yaml",
                        "environments/staging/web/stack.yaml");
        assertThat(main("apps/staging/web/api/objects.yaml")).contains("version: \"1.0.0\"");
        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .isEmpty();
    }

    @Test
    void removesAStacksFilesAndTheSharedRulesOnlyWithTheLastStack() {
        initialize();
        record("web", stack("web", "1.0.0"));
        record("jobs", stack("jobs", "1.0.0"));

        record("web", new TreeMap<>());
        assertThat(main("clusters/staging/web.yaml")).isEqualTo("<absent>");
        assertThat(main("apps/staging/web/api/objects.yaml")).isEqualTo("<absent>");
        assertThat(main("apps/staging/.sops.yaml")).isNotEqualTo("<absent>");

        record("jobs", new TreeMap<>());
        assertThat(main("apps/staging/.sops.yaml")).isEqualTo("<absent>");
        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .isEmpty();
    }

    @Test
    void catchesAHandEditOfARenderedFile() {
        initialize();
        record("web", stack("web", "1.0.0"));
        CommitId head = lifecycle.ledger().mainHead();

        TreeId edited = git.writeTree(
                head, new TreeMap<>(Fixture.files("clusters/staging/web.yaml", "apiVersion: v1\nkind: Namespace\n")));
        CommitId commit = git.commit(
                edited,
                List.of(head),
                Idents.of("human:mallory", CLOCK.instant()),
                Idents.of("human:mallory", CLOCK.instant()),
                "hand edit\n");

        assertThat(RenderedCheck.differences(git, commit, "staging", "web"))
                .containsExactly("changed clusters/staging/web.yaml");
        assertThat(RenderedCheck.differences(git, head, "staging", "web")).isEmpty();
    }

    @Test
    void flagsACommitWithTrailersWhoseRenderedFilesDifferAsAFinding() {
        initialize();
        Proposal recorded = record("web", stack("web", "1.0.0"));
        CommitId head = lifecycle.ledger().mainHead();
        Trailers trailers = git.commitInfo(new CommitId(java.util.Objects.requireNonNull(recorded.recordedCommit())))
                .trailers();
        TreeId tree = git.writeTree(
                head, new TreeMap<>(Fixture.files("apps/staging/web/api/extra.yaml", "kind: ConfigMap\n")));
        CommitId forged = git.commit(
                tree,
                List.of(head),
                Idents.of("agent:builder", CLOCK.instant()),
                Idents.of(Idents.RECORDER, CLOCK.instant()),
                trailers.appendTo("forged"));
        git.compareAndSwap(Refs.MAIN, head, forged, "forged");

        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .extracting(Finding::rule)
                .contains(RenderedCheck.RULE, "content-hash-mismatch");
    }
}
