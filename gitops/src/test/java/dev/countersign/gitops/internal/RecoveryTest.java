package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.draft;
import static dev.countersign.gitops.internal.Fixture.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.policy.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the next open repairs after a writer died between two writes of one action. */
class RecoveryTest {
    @TempDir
    Path directory;

    private Fixture fixture;
    private Lifecycle lifecycle;

    @BeforeEach
    void open() {
        fixture = Fixture.initialized(directory, "approvals=1");
        lifecycle = fixture.lifecycle;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Moves a proposal's metadata ref back one version, as if the writer died before writing it. */
    private void undoLastMetadataWrite(String id) {
        CommitId current = fixture.git.resolve(Refs.proposal(id)).orElseThrow();
        CommitId previous = fixture.git.commitInfo(current).parents().get(0);
        assertThat(fixture.git.compareAndSwap(Refs.proposal(id), current, previous, "crash"))
                .isTrue();
    }

    @Test
    void completesARecordThatMovedMainButNotTheMetadata() {
        Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
        Proposal recorded = lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
        undoLastMetadataWrite(p.id());
        assertThat(lifecycle.ledger().get(p.id()).state()).isEqualTo(ProposalState.APPROVED);

        assertThat(lifecycle.recovery().recover()).isEqualTo(1);

        assertThat(lifecycle.ledger().get(p.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(lifecycle.ledger().get(p.id()).recordedCommit()).isEqualTo(recorded.recordedCommit());
        assertThat(fixture.mainLine()).hasSize(2);
    }

    @Test
    void leavesAnApprovalWhoseRecordNeverMovedMainForTheNextRecord() {
        Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
        lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
        undoLastMetadataWrite(p.id());
        CommitId root = fixture.mainLine().get(1).id();
        CommitId head = fixture.git.resolve(Refs.MAIN).orElseThrow();
        assertThat(fixture.git.compareAndSwap(Refs.MAIN, head, root, "crash before main moved"))
                .isTrue();

        assertThat(lifecycle.recovery().recover()).isZero();
        assertThat(lifecycle.ledger().get(p.id()).state()).isEqualTo(ProposalState.APPROVED);

        assertThat(lifecycle
                        .recording()
                        .record(p.id(), Principal.parse("human:alice"))
                        .state())
                .isEqualTo(ProposalState.RECORDED);
        assertThat(fixture.mainLine()).hasSize(2);
    }

    @Test
    void rollsBackAProposalWhoseDraftBranchHasNoMetadata() {
        CommitId head = fixture.git.resolve(Refs.MAIN).orElseThrow();
        fixture.git.compareAndSwap(Refs.draft("p-orphan"), null, head, "crash before the metadata");

        assertThat(lifecycle.recovery().recover()).isEqualTo(1);

        assertThat(fixture.git.refs(Refs.DRAFTS)).isEmpty();
        assertThat(lifecycle.ledger().list()).isEmpty();
    }

    @Test
    void completesARevisionThatDidNotSupersedeItsPredecessor() {
        Proposal first = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
        Proposal second = lifecycle
                .drafting()
                .revise(first.id(), Principal.parse("agent:builder"), files("stack.yaml", "replicas: 3\n"));
        undoLastMetadataWrite(first.id());
        assertThat(lifecycle.ledger().get(first.id()).state()).isEqualTo(ProposalState.PROPOSED);

        assertThat(lifecycle.recovery().recover()).isEqualTo(1);

        assertThat(lifecycle.ledger().get(first.id()).state()).isEqualTo(ProposalState.SUPERSEDED);
        assertThat(lifecycle.ledger().get(first.id()).supersededBy()).isEqualTo(second.id());
    }

    @Test
    void removesStaleRefLocksSoWritesGoOn() throws Exception {
        Path lock = fixture.git.gitDirectory().resolve("refs/heads/main.lock");
        Files.writeString(lock, "left by a killed writer\n");

        lifecycle.recovery().recover();

        assertThat(lock).doesNotExist();
        Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
        assertThat(lifecycle
                        .deciding()
                        .approve(p.id(), Principal.parse("human:alice"))
                        .state())
                .isEqualTo(ProposalState.RECORDED);
    }

    @Test
    void repairsNothingInAHealthyRepository() {
        Proposal p = lifecycle.drafting().propose(draft("agent:builder", "web", "replicas: 2\n"));
        lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));

        assertThat(lifecycle.recovery().recover()).isZero();
    }
}
