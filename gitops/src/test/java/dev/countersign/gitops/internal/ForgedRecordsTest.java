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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A genuine record, forged in exactly one way by someone with push access to main: each verifier check must
 * report its own finding, next to {@code proposal-record-mismatch} when the forged commit replaces the one the
 * proposal record names, and nothing else; so a test fails when any one check is removed (issue 24). Every
 * forgery runs against the stand-in policy and against a real policy document decided by the policy engine,
 * which also re-decides the record at the parent ({@code approvers-not-allowed}).
 */
class ForgedRecordsTest {
    /** A real policy: agent:builder proposes, alice, carol and bob approve, one approval in staging. */
    static final String REAL_POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: forged}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:carol", roles: [approver], environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
            """;

    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: web}
            spec:
              components:
                - name: config
                  manifests:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: web, namespace: web}, data: {replicas: "2"}}
            """;

    /** The policy the repository is decided by. */
    enum Decider {
        STAND_IN,
        REAL
    }

    @TempDir
    Path directory;

    private Fixture fixture;
    private Decider decider = Decider.STAND_IN;

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Records one proposal approved by human:alice and returns the record commit. */
    private CommitInfo recorded(Decider by, String proposer) {
        decider = by;
        fixture = by == Decider.REAL
                ? Fixture.initializedWithPolicy(directory, REAL_POLICY)
                : Fixture.initialized(directory, "approvals=1");
        Proposal p = fixture.lifecycle.drafting().propose(draft(proposer, "web", STACK));
        fixture.lifecycle.deciding().approve(p.id(), Principal.parse("human:alice"));
        CommitInfo record =
                fixture.git.commitInfo(fixture.git.resolve(Refs.MAIN).orElseThrow());
        assertThat(rules()).isEmpty();
        return record;
    }

    /** The rules expected under the policy in use: the stand-in's, or the real policy's. */
    private List<String> expected(List<String> standIn, List<String> real) {
        return decider == Decider.REAL ? real : standIn;
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
        Authority.Source authorities = decider == Decider.REAL ? PolicyAuthority.source() : FakeAuthority.source();
        return new Verifier(fixture.git, authorities)
                .verify(null).findings().stream().map(Finding::rule).toList();
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void anAuthorOtherThanTheProposerIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        replaceHead(record, record.parents(), "agent:other", record.message());

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("inconsistent-trailers", "proposal-record-mismatch"),
                        List.of("inconsistent-trailers", "proposal-record-mismatch")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aMergeCommitOnMainIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        CommitId parent = record.parents().get(0);
        CommitId side = fixture.git.commit(
                fixture.git.tree(parent),
                List.of(parent),
                Idents.of("agent:builder", Fixture.CLOCK.instant()),
                Idents.of("agent:builder", Fixture.CLOCK.instant()),
                "side line\n");
        replaceHead(record, List.of(parent, side), "agent:builder", record.message());

        assertThat(rules()).containsExactlyElementsOf(expected(List.of("merge-commit"), List.of("merge-commit")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aProposalWithNoRecordIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String id = record.trailers().single(Trailers.PROPOSAL).orElseThrow();
        replaceHead(record, record.parents(), "agent:builder", record.message().replace(id, "p-0000000000"));

        assertThat(rules())
                .containsExactlyElementsOf(expected(List.of("unknown-proposal"), List.of("unknown-proposal")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void anApproverNamedTwiceIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String line = Trailers.APPROVED_BY + ": human:alice\n";
        replaceHead(record, record.parents(), "agent:builder", record.message().replace(line, line + line));

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("duplicate-approver", "proposal-record-mismatch"),
                        List.of("duplicate-approver", "proposal-record-mismatch")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aHumanApprovingTheirOwnProposalIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "human:carol");
        String message = record.message()
                .replace(Trailers.APPROVED_BY + ": human:alice", Trailers.APPROVED_BY + ": human:carol");
        replaceHead(record, record.parents(), "human:carol", message);

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("self-approval", "proposal-record-mismatch", "approval-not-in-record"),
                        List.of(
                                "self-approval",
                                "approvers-not-allowed",
                                "proposal-record-mismatch",
                                "approval-not-in-record")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aProposalRecordedTwiceIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        replaceHead(record, List.of(record.id()), "agent:builder", record.message());

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("proposal-record-mismatch", "duplicate-record"),
                        List.of("proposal-record-mismatch", "duplicate-record")));
    }

    /** The message with the single value of one trailer replaced. */
    private static String withTrailer(CommitInfo record, String key, String value) {
        String old = key + ": " + record.trailers().single(key).orElseThrow();
        assertThat(record.message()).contains(old);
        return record.message().replace(old, key + ": " + value);
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aChangesDigestThatIsNotWhatTheCommitWroteIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String forged = withTrailer(record, Trailers.CHANGES, "sha256:" + "0".repeat(64));
        replaceHead(record, record.parents(), "agent:builder", forged);

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("changes-mismatch", "proposal-record-mismatch"),
                        List.of("changes-mismatch", "proposal-record-mismatch")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aBaseThatIsNotOnMainIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String forged = withTrailer(record, Trailers.BASE, "0123456789abcdef0123456789abcdef01234567");
        replaceHead(record, record.parents(), "agent:builder", forged);

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("changes-mismatch", "proposal-record-mismatch"),
                        List.of("changes-mismatch", "proposal-record-mismatch")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aRecordWithoutApproversIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String forged = record.message().replace(Trailers.APPROVED_BY + ": human:alice\n", "");
        replaceHead(record, record.parents(), "agent:builder", forged);

        assertThat(rules())
                // a commit without its trailers is not a record at all: nothing else is checked against it
                .containsExactlyElementsOf(expected(List.of("missing-trailers"), List.of("missing-trailers")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aStackRecordNamingNoStackIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String forged = record.message().replace(Trailers.STACK + ": web\n", "");
        replaceHead(record, record.parents(), "agent:builder", forged);

        assertThat(rules())
                // a commit without its trailers is not a record at all: nothing else is checked against it
                .containsExactlyElementsOf(expected(List.of("missing-trailers"), List.of("missing-trailers")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aChangesDigestWithoutItsBaseIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String base =
                Trailers.BASE + ": " + record.trailers().single(Trailers.BASE).orElseThrow() + "\n";
        replaceHead(record, record.parents(), "agent:builder", record.message().replace(base, ""));

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("changes-mismatch", "proposal-record-mismatch"),
                        List.of("changes-mismatch", "proposal-record-mismatch")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aBaseWithoutItsChangesDigestIsFlagged(Decider by) {
        CommitInfo record = recorded(by, "agent:builder");
        String changes = Trailers.CHANGES + ": "
                + record.trailers().single(Trailers.CHANGES).orElseThrow() + "\n";
        replaceHead(record, record.parents(), "agent:builder", record.message().replace(changes, ""));

        assertThat(rules())
                .containsExactlyElementsOf(expected(
                        List.of("changes-mismatch", "proposal-record-mismatch"),
                        List.of("changes-mismatch", "proposal-record-mismatch")));
    }

    @ParameterizedTest
    @EnumSource(Decider.class)
    void aCheckpointThatIsNotInTheRepositoryIsAFindingAndStaysAsItWas(Decider by) throws Exception {
        recorded(by, "agent:builder");
        Path file = directory.resolveSibling(directory.getFileName() + "-checkpoint");
        String unknown = "0123456789abcdef0123456789abcdef01234567\n";
        java.nio.file.Files.writeString(file, unknown);
        Authority.Source authorities = by == Decider.REAL ? PolicyAuthority.source() : FakeAuthority.source();

        var verification = new Verifier(fixture.git, authorities).verify(file, null, null);

        assertThat(verification.findings()).extracting(Finding::rule).containsExactly("checkpoint-not-ancestor");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(unknown);
        java.nio.file.Files.delete(file);
    }
}
