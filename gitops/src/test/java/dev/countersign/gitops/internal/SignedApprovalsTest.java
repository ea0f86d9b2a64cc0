package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.delegated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedApprovalsTest {
    private static final Principal ALICE = Principal.parse("human:alice");

    @TempDir
    Path directory;

    Fixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void refusesAnUnsignedApprovalBeforeWritingAnything() {
        fixture = Fixture.initialized(directory, "approvals=1\nsigned=true\n");
        Lifecycle lifecycle = fixture.lifecycle;
        Proposal p = lifecycle.drafting().propose(delegated("agent:builder", "human:bob", "replicas: 3\n"));
        List<CommitInfo> main = fixture.mainLine();

        assertThatThrownBy(() -> lifecycle.deciding().approve(p.id(), ALICE))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals")
                .hasMessageContaining("carries no signature");
        assertThat(lifecycle.ledger().load(p.id()).proposal()).isEqualTo(p);
        assertThat(fixture.mainLine()).isEqualTo(main);
    }

    @Test
    void recordingDoesNotCountAnUnsignedApprovalPlantedInTheProposalRecord() {
        fixture = Fixture.initialized(directory, "approvals=1\nsigned=true\n");
        Lifecycle lifecycle = fixture.lifecycle;
        Proposal p = lifecycle.drafting().propose(delegated("agent:builder", "human:bob", "replicas: 3\n"));
        ProposalStore.Stored stored = lifecycle.ledger().load(p.id());
        Countersignature forged =
                new Countersignature(ALICE, p.id(), p.contentHash(), p.baseCommit(), Fixture.CLOCK.instant(), null);
        RecordedDecision decision =
                new RecordedDecision("approve", ALICE.name(), "allow", "approvals", "", "sha256:x", forged.at());
        lifecycle
                .ledger()
                .write(stored, p.with(p.progress().decided(decision, forged).in(ProposalState.APPROVED)), "forged");
        List<CommitInfo> main = fixture.mainLine();

        assertThatThrownBy(() -> lifecycle.recording().record(p.id(), Idents.RECORDER))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("not enough approvals");
        assertThat(fixture.mainLine()).isEqualTo(main);
    }
}
