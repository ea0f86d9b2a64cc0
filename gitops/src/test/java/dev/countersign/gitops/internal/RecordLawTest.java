package dev.countersign.gitops.internal;

import static dev.countersign.gitops.testing.Theories.examples;
import static dev.countersign.gitops.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The law of the record: whatever an agent with write access to {@code refs/countersign/*} does to a proposal's
 * draft and metadata, the commit on main differs from its base only inside the stack's own region.
 */
class RecordLawTest {
    private static final Subject WEB = new Subject.StackChange("staging", "web");
    private static final List<String> PATHS = List.of(
            ".countersign/policy.yaml",
            ".sops.yaml",
            ".countersign/environments/staging.yaml",
            "environments/staging/other/stack.yaml",
            "environments/staging/webx/stack.yaml",
            "environments/staging/web/stack.yaml",
            "environments/staging/web/extra.yaml",
            "environments/staging/web~1x/stack.yaml",
            "clusters/staging/web.yaml",
            "clusters/staging/other.yaml",
            "apps/staging/web/api/kustomization.yaml",
            "apps/staging/webx/api/kustomization.yaml");

    @TempDir
    Path root;

    @Test
    void mainChangesOnlyInsideTheStacksRegion() {
        qt().withExamples(examples(40))
                .withShrinkCycles(20)
                .forAll(
                        lists().of(integers().between(0, PATHS.size() * 2 - 1)).ofSizeBetween(0, 4),
                        booleans().all(),
                        booleans().all())
                .checkAssert(this::run);
    }

    private void run(List<Integer> edits, boolean listInMetadata, boolean rehash) {
        try (Fixture fixture = Fixture.initialized(Files.createTempDirectory(root, "repo"), "approvals=1")) {
            Proposal p = fixture.lifecycle.drafting().propose(Fixture.draft("agent:a", "web", "n: 1\n"));
            if (!edits.isEmpty()) {
                tamper(fixture, p, edits, listInMetadata, rehash);
            }
            CommitId before = fixture.git.resolve(Refs.MAIN).orElseThrow();
            try {
                fixture.lifecycle.deciding().approve(p.id(), Principal.human("alice"));
            } catch (GitOpsException refused) {
                assertThat(fixture.git.resolve(Refs.MAIN)).contains(before);
                return;
            }
            CommitId after = fixture.git.resolve(Refs.MAIN).orElseThrow();
            assertThat(fixture.git.changedPaths(before, after)).allMatch(path -> DraftEdits.inRegion(WEB, path));
            // The record itself verifies; a tampered proposal record is still flagged by the history check
            // (the agent rewrote the metadata's header), and by nothing else.
            assertThat(new Verifier(fixture.git, FakeAuthority.source())
                            .verify(null)
                            .findings())
                    .allSatisfy(finding -> {
                        assertThat(edits).isNotEmpty();
                        assertThat(finding.rule()).isEqualTo("proposal-history-rewritten");
                    });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the draft at a commit with more edits (a removal for odd numbers), as the agent likes. */
    private static void tamper(Fixture fixture, Proposal p, List<Integer> edits, boolean list, boolean rehash) {
        GitStore git = fixture.git;
        Map<String, byte @Nullable []> changes = new TreeMap<>();
        for (int edit : edits) {
            changes.put(PATHS.get(edit / 2), edit % 2 == 0 ? "evil: true\n".getBytes(StandardCharsets.UTF_8) : null);
        }
        CommitId draft = new CommitId(p.draftCommit());
        TreeId tree = git.writeTree(draft, changes);
        var who = Idents.of("agent:a", Fixture.CLOCK.instant());
        CommitId evil = git.commit(tree, List.of(p.header().base()), who, who, "draft\n");
        TreeSet<String> paths = new TreeSet<>(list ? git.changedPaths(p.header().base(), evil) : p.changedPaths());
        ProposalHeader h = p.header();
        String hash =
                rehash ? ContentHash.of(RenderedLayout.hashed(git, git.tree(evil), "staging", "web")) : h.contentHash();
        ProposalHeader forged = new ProposalHeader(
                h.id(),
                h.subject(),
                h.proposer(),
                h.rationale(),
                h.evidence(),
                h.base(),
                hash,
                new ArrayList<>(paths),
                h.reverts(),
                h.supersedes(),
                h.createdAt());
        ProposalStore store = new ProposalStore(git);
        ProposalStore.Stored stored = store.load(p.id()).orElseThrow();
        assertThat(store.write(
                        stored,
                        new Proposal(forged, p.progress().drafted(evil)),
                        "tamper",
                        dev.countersign.policy.Principal.agent("a"),
                        Fixture.CLOCK.instant()))
                .isTrue();
    }
}
