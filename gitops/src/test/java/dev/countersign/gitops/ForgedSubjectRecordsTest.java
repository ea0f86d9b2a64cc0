package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of an environment change and of a policy change, each replaced on main by a commit forged from it in one
 * way, as someone with push access would: a trailer dropped or added, a name that is no path, the changes digest
 * altered, an approver the policy does not allow, a file outside the policy file, an invalid policy. {@code verify}
 * reports each with its own finding, listed exactly; where the trailers are complete and consistent, the forged commit
 * is also no longer the one its proposal names ({@code proposal-record-mismatch}).
 */
class ForgedSubjectRecordsTest {
    private static final String MAIN = "refs/heads/main";
    private static final String QA = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: qa}
            spec: {cluster: qa-eu}
            """;

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(PolicyChangeTest.ALICE, PolicyChangeTest.POLICY, Samples.ENVIRONMENTS);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private String environmentRecord() {
        Proposal p = repo.proposer(PolicyChangeTest.AGENT)
                .proposeEnvironment(StackFiles.parseEnvironment(QA, "qa.yaml"), "a qa cluster", List.of());
        String record = Objects.requireNonNull(
                repo.reviewer(PolicyChangeTest.BOB).approve(p.id()).recordedCommit());
        assertThat(repo.verify().findings()).isEmpty();
        return record;
    }

    private String policyRecord() {
        Proposal p = repo.proposer(PolicyChangeTest.ALICE)
                .proposePolicy(PolicyChangeTest.withFrankApproving(), "frank joins", List.of("HR-1"));
        repo.reviewer(PolicyChangeTest.CAROL).approve(p.id());
        String record = Objects.requireNonNull(
                repo.reviewer(PolicyChangeTest.ERIN).approve(p.id()).recordedCommit());
        assertThat(repo.verify().findings()).isEmpty();
        return record;
    }

    private String message(String commit) throws IOException {
        return PushServer.message(directory, commit);
    }

    /** The head replaced by the record with another message. */
    private List<String> amended(String record, String message) throws IOException {
        PushServer.amend(directory, MAIN, record, message);
        return findings();
    }

    /** The head replaced by a commit of the record's tree with files replaced, and the same message. */
    private List<String> rewritten(String record, Map<String, String> files) throws IOException {
        String parent = repo.log().get(1).commit();
        PushServer.commit(directory, MAIN, parent, files, message(record), PolicyChangeTest.ALICE.name());
        return findings();
    }

    private List<String> findings() {
        return repo.verify().findings().stream().map(Finding::rule).toList();
    }

    /** The message with its {@code Countersign-Changes} digest replaced by another. */
    private static String withOtherChanges(String message) {
        return message.replaceAll("(?m)^Countersign-Changes: .*$", "Countersign-Changes: sha256:" + "0".repeat(64));
    }

    private static String without(String message, String trailer) {
        return message.replaceAll("(?m)^" + trailer + ": .*\n", "");
    }

    @Test
    void anEnvironmentRecordWithoutItsContentHashOrWithAStackTrailerMissesTrailers() throws IOException {
        String record = environmentRecord();
        String message = message(record);

        assertThat(amended(record, without(message, "Countersign-Content-Hash")))
                .containsExactly("missing-trailers");
        assertThat(repo.verify().findings().get(0).message()).endsWith("[Countersign-Content-Hash]");
        assertThat(amended(record, message + "Countersign-Stack: web\n")).containsExactly("missing-trailers");
        assertThat(repo.verify().findings().get(0).message())
                .endsWith("[Countersign-Subject: environment without Countersign-Stack]");
    }

    @Test
    void anEnvironmentRecordNamingNoEnvironmentPathIsInconsistent() throws IOException {
        String record = environmentRecord();

        assertThat(amended(
                        record, message(record).replace("Countersign-Environment: qa", "Countersign-Environment: Q/A")))
                .containsExactly("inconsistent-trailers");
    }

    @Test
    void anEnvironmentRecordWithAnotherChangesDigestIsFlagged() throws IOException {
        String record = environmentRecord();
        assertThat(amended(record, withOtherChanges(message(record))))
                .containsExactly("changes-mismatch", "proposal-record-mismatch");
    }

    @Test
    void anEnvironmentRecordApprovedBySomeoneThePolicyDoesNotBindIsNotAllowed() throws IOException {
        String record = environmentRecord();

        assertThat(amended(
                        record,
                        message(record)
                                .replace("Countersign-Approved-By: human:bob", "Countersign-Approved-By: human:frank")))
                .containsExactly("approvers-not-allowed", "proposal-record-mismatch", "approval-not-in-record");
    }

    @Test
    void aPolicyRecordWithoutItsPolicyHashOrWithAStackTrailerMissesTrailers() throws IOException {
        String record = policyRecord();
        String message = message(record);

        assertThat(amended(record, without(message, "Countersign-Policy"))).containsExactly("missing-trailers");
        assertThat(repo.verify().findings().get(0).message()).endsWith("[Countersign-Policy]");
        assertThat(amended(record, message + "Countersign-Stack: web\n")).containsExactly("missing-trailers");
        assertThat(repo.verify().findings().get(0).message())
                .endsWith("[Countersign-Environment: * without Countersign-Stack]");
    }

    @Test
    void aPolicyRecordThatWritesAnotherFileIsOutsideThePolicyFile() throws IOException {
        String record = policyRecord();
        String policy = new String(
                PushServer.read(directory, record, ".countersign/policy.yaml"),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(rewritten(record, Map.of(".countersign/policy.yaml", policy, "notes.txt", "hello\n")))
                .containsExactly("outside-stack-folder", "proposal-record-mismatch");
    }

    @Test
    void aPolicyRecordOfAnInvalidPolicyIsFlaggedWithItsHash() throws IOException {
        String record = policyRecord();

        assertThat(rewritten(record, Map.of(".countersign/policy.yaml", "kind: Policy\n")))
                .containsExactly(
                        "changes-mismatch", "invalid-policy", "content-hash-mismatch", "proposal-record-mismatch");
    }

    @Test
    void aPolicyRecordWithAnotherChangesDigestIsFlagged() throws IOException {
        String record = policyRecord();
        assertThat(amended(record, withOtherChanges(message(record))))
                .containsExactly("changes-mismatch", "proposal-record-mismatch");
    }
}
