package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A genuine record, forged in exactly one way by someone with push access to main: each verifier check must
 * report its own finding, next to {@code proposal-record-mismatch} when the forged commit replaces the one the
 * proposal record names, and nothing else; so a test fails when any one check is removed (issue 24).
 */
class ForgedRecordsTest {
    @TempDir
    Path directory;

    private Fixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Records one agent proposal approved by human:alice and returns the record commit. */
    private CommitInfo recorded(String proposer) {
        fixture = Fixture.initialized(directory, "approvals=1");
        Proposal p = fixture.lifecycle.drafting().propose(draft(proposer, "web", "replicas: 2\n"));
        fixture.lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
        CommitInfo record =
                fixture.git.commitInfo(fixture.git.resolve(Refs.MAIN).orElseThrow());
        assertThat(rules()).isEmpty();
        return record;
    }

    /** Replaces main's head with a commit of the record's tree, other parents, author and message. */
    private void replaceHead(CommitInfo record, List<CommitId> parents, String author, String message) {
        CommitId head = fixture.git.resolve(Refs.MAIN).orElseThrow();
        CommitId forged = fixture.git.commit(
                fixture.git.tree(record.id()),
                parents,
                Idents.of(author, Fixture.CLOCK.instant()),
                Idents.of(Idents.RECORDER, Fixture.CLOCK.instant()),
                message);
        assertThat(fixture.git.compareAndSwap(Refs.MAIN, head, forged, "forged"))
                .isTrue();
    }

    private List<String> rules() {
        return new Verifier(fixture.git, FakeAuthority.source())
                .verify(null).findings().stream().map(Finding::rule).toList();
    }

    @Test
    void anAuthorOtherThanTheProposerIsFlagged() {
        CommitInfo record = recorded("agent:builder");
        replaceHead(record, record.parents(), "agent:other", record.message());

        assertThat(rules()).containsExactly("inconsistent-trailers", "proposal-record-mismatch");
    }

    @Test
    void aMergeCommitOnMainIsFlagged() {
        CommitInfo record = recorded("agent:builder");
        CommitId parent = record.parents().get(0);
        CommitId side = fixture.git.commit(
                fixture.git.tree(parent),
                List.of(parent),
                Idents.of("agent:builder", Fixture.CLOCK.instant()),
                Idents.of("agent:builder", Fixture.CLOCK.instant()),
                "side line\n");
        replaceHead(record, List.of(parent, side), "agent:builder", record.message());

        assertThat(rules()).containsExactly("merge-commit");
    }

    @Test
    void aProposalWithNoRecordIsFlagged() {
        CommitInfo record = recorded("agent:builder");
        String id = record.trailers().single(Trailers.PROPOSAL).orElseThrow();
        replaceHead(record, record.parents(), "agent:builder", record.message().replace(id, "p-0000000000"));

        assertThat(rules()).containsExactly("unknown-proposal");
    }

    @Test
    void anApproverNamedTwiceIsFlagged() {
        CommitInfo record = recorded("agent:builder");
        String line = Trailers.APPROVED_BY + ": human:alice\n";
        replaceHead(record, record.parents(), "agent:builder", record.message().replace(line, line + line));

        assertThat(rules()).containsExactly("duplicate-approver", "proposal-record-mismatch");
    }

    @Test
    void aHumanApprovingTheirOwnProposalIsFlagged() {
        CommitInfo record = recorded("human:carol");
        String message = record.message()
                .replace(Trailers.APPROVED_BY + ": human:alice", Trailers.APPROVED_BY + ": human:carol");
        replaceHead(record, record.parents(), "human:carol", message);

        assertThat(rules()).containsExactly("self-approval", "proposal-record-mismatch", "approval-not-in-record");
    }

    @Test
    void aProposalRecordedTwiceIsFlagged() {
        CommitInfo record = recorded("agent:builder");
        replaceHead(record, List.of(record.id()), "agent:builder", record.message());

        assertThat(rules()).containsExactly("proposal-record-mismatch", "duplicate-record");
    }
}
