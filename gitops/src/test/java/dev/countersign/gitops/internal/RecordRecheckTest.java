package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two checks a record makes right before it commits (issue 24): the policy in force at main's head is asked
 * again, and the content about to be committed must hash to what the approvers approved. Each test fails when
 * its check is removed: the record would land.
 */
class RecordRecheckTest {
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path directory;

    private Fixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private CommitId main() {
        return fixture.git.resolve(Refs.MAIN).orElseThrow();
    }

    @Test
    void aRecordThePolicyAtMainsHeadNoLongerAllowsIsRefusedAndNothingLands() {
        fixture = Fixture.initialized(directory, "approvals=1,freeze=true");
        Proposal p = fixture.lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
        assertThat(fixture.lifecycle.deciding().approve(p.id(), ALICE).state()).isEqualTo(ProposalState.APPROVED);
        // the policy changes after the approval: two approvals now, and no freeze
        fixture.commitOnMain(Layout.POLICY, "approvals=2");
        CommitId before = main();

        assertThatThrownBy(() -> fixture.lifecycle.recording().record(p.id(), ALICE))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("approvals"));

        assertThat(main()).isEqualTo(before);
        assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("<absent>");
        Proposal after =
                new ProposalStore(fixture.git).load(p.id()).orElseThrow().proposal();
        assertThat(after.state()).isEqualTo(ProposalState.APPROVED);
        assertThat(after.recordedCommit()).isNull();
        assertThat(after.progress().decisions())
                .extracting(d -> d.action() + " " + d.verdict() + " " + d.rule())
                .endsWith("record deny approvals");
    }

    @Test
    void contentThatDoesNotHashToTheApprovedHashIsNotRecorded() {
        fixture = Fixture.initialized(directory, "approvals=1");
        Proposal p = fixture.lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 3\n"));
        // an agent with write access to the proposal refs names another content hash; the approval binds it
        String forgedHash = "sha256:" + "0".repeat(64);
        rewriteContentHash(p, forgedHash);
        CommitId before = main();

        assertThatThrownBy(() -> fixture.lifecycle.deciding().approve(p.id(), ALICE))
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("not the approved " + forgedHash + ": refusing to record");

        assertThat(main()).isEqualTo(before);
        assertThat(fixture.mainFile("environments/staging/web/stack.yaml")).isEqualTo("<absent>");
    }

    private void rewriteContentHash(Proposal p, String hash) {
        ProposalHeader h = p.header();
        ProposalHeader forged = new ProposalHeader(
                h.id(),
                h.subject(),
                h.proposer(),
                h.rationale(),
                h.evidence(),
                h.base(),
                hash,
                h.changedPaths(),
                h.reverts(),
                h.supersedes(),
                h.createdAt());
        ProposalStore store = new ProposalStore(fixture.git);
        ProposalStore.Stored stored = store.load(p.id()).orElseThrow();
        assertThat(store.write(
                        stored,
                        new Proposal(forged, stored.proposal().progress()),
                        "tamper",
                        Principal.agent("builder"),
                        Fixture.CLOCK.instant()))
                .isTrue();
        assertThat(List.of(store.load(p.id()).orElseThrow().proposal().contentHash()))
                .containsExactly(hash);
    }
}
