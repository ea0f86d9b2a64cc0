package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposePolicyCommandTest {
    /** Alice and carol may change the policy; bob approves stacks only. */
    static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
                admin:    [read, propose, withdraw, approve, reject, record, revert, change-policy]
              bindings:
                - {principal: "human:alice", roles: [admin], environments: ["*"]}
                - {principal: "human:carol", roles: [admin], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver, admin]}}
            """;

    static final String FRANK = "    - {principal: \"human:frank\", roles: [approver], environments: [\"*\"]}\n";

    @TempDir
    Path folder;

    GitOpsFiles files;
    Path changed;

    @BeforeEach
    void initialize() throws Exception {
        files = GitOpsFiles.initializedWith(folder, POLICY);
        changed = folder.resolve("changed-policy.yaml");
        Files.writeString(changed, POLICY.replace("  environments:\n", FRANK + "  environments:\n"));
    }

    private Cli propose(String as, String file) {
        return Cli.run(
                "propose-policy",
                "--repo",
                files.repo(),
                "--as",
                as,
                "--rationale",
                "frank joins",
                "--evidence",
                "HR-1",
                file);
    }

    @Test
    void proposesShowsApprovesRecordsAndVerifiesAPolicyChange() {
        Cli proposed = propose("human:alice", changed.toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        assertThat(proposed.out()).contains(id + "  PROPOSED  policy  by human:alice");

        Cli shown = Cli.run("show", "--repo", files.repo(), id);
        assertThat(shown.out())
                .contains("target    policy", "file      .countersign/policy.yaml")
                .contains("change    +     - {principal: \"human:frank\"");
        assertThat(Cli.run("show", "--repo", files.repo(), id, "-o", "json").out())
                .contains("\"subject\" : \"policy\"", "\"changedLines\"");
        assertThat(Cli.run("approve", "--repo", files.repo(), id, "--as", "human:bob")
                        .code())
                .isEqualTo(ExitCodes.NO);

        Cli approved = Cli.run("approve", "--repo", files.repo(), id, "--as", "human:carol");
        assertThat(approved.out()).as(approved.err()).contains(id + "  RECORDED  policy");
        Cli verified = Cli.run("verify", "--repo", files.repo());
        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("0 findings");
    }

    @Test
    void readsThePolicyFromStandardInputAndPrintsJson() throws Exception {
        Cli proposed = Cli.runWith(
                Map.of(),
                Files.readString(changed),
                "propose-policy",
                "--repo",
                files.repo(),
                "--as",
                "human:alice",
                "-o",
                "json",
                "-");

        assertThat(proposed.code()).as(proposed.err()).isZero();
        assertThat(proposed.out()).contains("\"subject\" : \"policy\"", "\"environment\" : \"*\"");
    }

    @Test
    void refusesAnAgentWithExitOneAndWritesNothing() throws Exception {
        String before = refsAndObjects();

        Cli proposed = propose("agent:builder", changed.toString());

        assertThat(proposed.code()).isEqualTo(ExitCodes.NO);
        assertThat(proposed.err()).contains("agent");
        assertThat(refsAndObjects()).isEqualTo(before);
        assertThat(Cli.run("list", "--repo", files.repo()).out()).doesNotContain("policy");
    }

    /** Every ref with its target and every object id: what "nothing landed" is checked against. */
    private String refsAndObjects() throws Exception {
        Path dir = Path.of(files.repo());
        String refs = Processes.run(dir, "git", "--git-dir=" + files.repo(), "for-each-ref")
                .out();
        String objects = Processes.run(
                        dir, "git", "--git-dir=" + files.repo(), "cat-file", "--batch-all-objects", "--batch-check")
                .out();
        assertThat(refs).contains("refs/heads/main");
        return refs + objects;
    }

    @Test
    void refusesAnInvalidPolicyFileAndAMissingOne() {
        Path missing = folder.resolve("absent.yaml");

        assertThat(propose("human:alice", missing.toString()).code()).isEqualTo(ExitCodes.IO);
        assertThat(propose("human:alice", files.stack()).code()).isEqualTo(ExitCodes.NO);
    }
}
