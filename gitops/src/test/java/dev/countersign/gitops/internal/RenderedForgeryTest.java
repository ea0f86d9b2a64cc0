package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent with write access to the repository's refs forges what the reconciler applies without touching the
 * stack a reviewer reads: a stack folder's {@code rendered.yaml} with an extra {@code ClusterRoleBinding}, or a
 * stack whose Flux names collide with another stack's. Refused at approve and at record with nothing written;
 * flagged by {@code verify} when slipped onto main by hand.
 */
class RenderedForgeryTest {
    private static final Principal ALICE = Principal.parse("human:alice");
    private static final String RENDERED = "environments/staging/web/rendered.yaml";
    private static final String BINDING = """
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: forge-admin}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: [{kind: ServiceAccount, name: forge, namespace: default}]
            """;

    @TempDir
    Path directory;

    private GitStore git;
    private Lifecycle lifecycle;

    @AfterEach
    void close() {
        git.close();
    }

    private void initialize(String renderer, String policy) {
        git = GitStore.open(directory);
        AtomicInteger next = new AtomicInteger();
        lifecycle = Lifecycle.of(git, FakeAuthority.source(), Fixture.CLOCK, () -> "p" + next.incrementAndGet());
        lifecycle
                .initialization()
                .initialize(
                        Fixture.files(
                                Layout.POLICY, policy, Layout.environmentFile("staging"), """
                                apiVersion: countersign.dev/v1
                                kind: Environment
                                metadata: {name: staging}
                                spec: {cluster: staging-eu, renderer: %s}
                                """.formatted(renderer)),
                        "human:admin");
    }

    private Proposal propose(String stack, String component) {
        return lifecycle
                .drafting()
                .propose(Fixture.draftOf(
                        "agent:builder", null, "staging", stack, stackFile(stack, component), "add", List.of(), null));
    }

    private static SortedMap<String, byte[]> stackFile(String stack, String component) {
        return Fixture.files("stack.yaml", """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: %s
                      manifests:
                        - {apiVersion: v1, kind: ConfigMap, metadata: {name: %s-settings, namespace: web}, data: {a: b}}
                """.formatted(stack, component, stack));
    }

    private String read(CommitId commit, String path) {
        return new String(git.read(commit, path).orElseThrow(), StandardCharsets.UTF_8);
    }

    /** Points the proposal at a draft with these edits on its base, metadata and content hash kept consistent. */
    private void forgeDraft(Proposal p, Map<String, byte @Nullable []> edits) {
        ProposalHeader h = p.header();
        TreeId tree = git.writeTree(h.base(), edits);
        var who = Idents.of("agent:builder", Fixture.CLOCK.instant());
        CommitId evil = git.commit(tree, List.of(h.base()), who, who, "draft\n");
        String stack = h.subject().fold(s -> s.stack(), e -> "", policy -> "");
        ProposalHeader forged = new ProposalHeader(
                h.id(),
                h.subject(),
                h.proposer(),
                h.rationale(),
                h.evidence(),
                h.base(),
                ContentHash.of(RenderedLayout.hashed(git, git.tree(evil), "staging", stack)),
                git.changedPaths(h.base(), evil),
                h.reverts(),
                h.supersedes(),
                h.createdAt());
        ProposalStore store = new ProposalStore(git);
        ProposalStore.Stored stored = store.load(p.id()).orElseThrow();
        assertThat(store.write(
                        stored,
                        new Proposal(forged, stored.proposal().progress().drafted(evil)),
                        "forge",
                        Principal.agent("builder"),
                        Fixture.CLOCK.instant()))
                .isTrue();
    }

    /** The draft's own files with an extra object in its rendered.yaml. */
    private Map<String, byte @Nullable []> withBinding(Proposal p) {
        CommitId draft = new CommitId(Objects.requireNonNull(p.draftCommit()));
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        p.changedPaths().forEach(path -> edits.put(path, git.read(draft, path).orElse(null)));
        edits.put(RENDERED, (read(draft, RENDERED) + BINDING).getBytes(StandardCharsets.UTF_8));
        return edits;
    }

    @Test
    void refusesAtApproveADraftWhoseRenderedYamlAddsAClusterRoleBinding() {
        initialize("native", "approvals=1\n");
        Proposal p = propose("web", "api");
        forgeDraft(p, withBinding(p));
        SortedMap<String, CommitId> before = git.refs("refs/");

        assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), ALICE))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo(RenderedCheck.RULE))
                .hasMessageContaining("approve by human:alice")
                .hasMessageContaining("changed " + RENDERED);
        assertThat(git.refs("refs/")).isEqualTo(before);
    }

    @Test
    void refusesAtRecordARenderedYamlSwappedInAfterTheApproval() {
        initialize("flux", "approvals=1\nfreeze=true\n");
        Proposal p = propose("web", "api");
        assertThat(lifecycle.deciding().approve(p.id(), ALICE).state()).isEqualTo(ProposalState.APPROVED);
        forgeDraft(p, withBinding(p));
        SortedMap<String, CommitId> before = git.refs("refs/");

        assertThatThrownBy(() -> lifecycle.recording().record(p.id(), ALICE))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo(RenderedCheck.RULE))
                .hasMessageContaining("record by human:alice")
                .hasMessageContaining("changed " + RENDERED);
        assertThat(git.refs("refs/")).isEqualTo(before);
    }

    @Test
    void verifyFlagsARenderedYamlSlippedOntoMainByHand() {
        initialize("native", "approvals=1\n");
        Proposal recorded = lifecycle.deciding().approve(propose("web", "api").id(), ALICE);
        CommitId head = lifecycle.ledger().mainHead();
        CommitId slipped =
                slip(recorded, Map.of(RENDERED, (read(head, RENDERED) + BINDING).getBytes(StandardCharsets.UTF_8)));

        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .filteredOn(f -> f.rule().equals(RenderedCheck.RULE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.commit()).isEqualTo(slipped.name());
                    assertThat(f.message()).contains("changed " + RENDERED);
                });
    }

    @Test
    void refusesAtApproveAHandWrittenDraftWhoseKustomizationNameAnotherStackRenders() {
        initialize("flux", "approvals=1\n");
        lifecycle.deciding().approve(propose("a-b", "c").id(), ALICE);
        Proposal p = propose("a", "x");
        forgeDraft(p, renderedDraft(p, "a", "b-c"));
        SortedMap<String, CommitId> before = git.refs("refs/");

        assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), ALICE))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("rendered-names"))
                .hasMessageContaining("a/b-c and a-b/c both render the object name 'a-b-c'");
        assertThat(git.refs("refs/")).isEqualTo(before);
    }

    @Test
    void verifyFlagsAStackWithACollidingNameSlippedOntoMainByHand() {
        initialize("flux", "approvals=1\n");
        Proposal recorded = lifecycle.deciding().approve(propose("a-b", "c").id(), ALICE);
        Proposal p = propose("a", "x");
        CommitId slipped = slip(recorded, renderedDraft(p, "a", "b-c"));

        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .filteredOn(f -> f.rule().equals("rendered-names"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.commit()).isEqualTo(slipped.name());
                    assertThat(f.message())
                            .contains("rule rendered-names", "a/b-c", "a-b/c", "both render the object name 'a-b-c'");
                });
    }

    @Test
    void verifyFlagsAStackWithTheFluxBootstrapNameSlippedOntoMainByHand() {
        initialize("flux", "approvals=1\n");
        Proposal recorded = lifecycle.deciding().approve(propose("web", "api").id(), ALICE);
        Proposal p = propose("flux", "x");
        slip(recorded, renderedDraft(p, "flux", "system"));

        assertThat(new Verifier(git, FakeAuthority.source()).verify(null).findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("flux/system and Flux's bootstrap both render"));
    }

    /** The draft's stack folder and rendered files for a stack the proposal's draft does not hold. */
    private Map<String, byte @Nullable []> renderedDraft(Proposal p, String stack, String component) {
        CommitId base = p.header().base();
        SortedMap<String, byte[]> folder = FolderRendering.completed(git, base, "staging", stackFile(stack, component));
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        folder.forEach(
                (name, content) -> edits.put(Layout.fileIn(Layout.stackFolder("staging", stack), name), content));
        edits.putAll(RenderedLayout.forDraft(git, base, "staging", stack, folder, null));
        return edits;
    }

    /** Writes a commit with these edits on main's head, with the trailers of a recorded commit, as an agent would. */
    private CommitId slip(Proposal recorded, Map<String, byte @Nullable []> edits) {
        CommitId head = lifecycle.ledger().mainHead();
        Trailers trailers = git.commitInfo(new CommitId(Objects.requireNonNull(recorded.recordedCommit())))
                .trailers();
        CommitId slipped = git.commit(
                git.writeTree(head, edits),
                List.of(head),
                Idents.of("agent:builder", Fixture.CLOCK.instant()),
                Idents.of(Idents.RECORDER, Fixture.CLOCK.instant()),
                trailers.appendTo("slipped"));
        assertThat(git.compareAndSwap(Refs.MAIN, head, slipped, "slipped")).isTrue();
        return slipped;
    }
}
