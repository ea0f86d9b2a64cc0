package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record-approved}: the group commit of every approved proposal whose record was held. */
class RecordApprovedCommandTest {
    /** Staging is frozen from 2000 to 2100: every record there is held. */
    private static final String FROZEN = GitOpsFiles.POLICY.replace(
            "staging: {approvals: {required: 1, from: [approver]}}",
            "staging: {approvals: {required: 1, from: [approver]}, freeze: [{from: \"2000-01-01T00:00:00Z\","
                    + " to: \"2100-01-01T00:00:00Z\", reason: long freeze}]}");

    @TempDir
    java.nio.file.Path folder;

    @Test
    void recordsNothingWhileTheFreezeHoldsAndSaysSoPerProposal() throws Exception {
        assertThat(FROZEN).contains("long freeze");
        GitOpsFiles files = GitOpsFiles.initializedWith(folder, FROZEN);
        Cli none = Cli.run("record-approved", "--repo", files.repo(), "--as", "human:alice");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).isEmpty();

        Cli proposed =
                Cli.run("propose", "--repo", files.repo(), "--as", "agent:builder", "--env", "staging", files.stack());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        assertThat(Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice")
                        .out())
                .contains("APPROVED");

        Cli held = Cli.run("record-approved", "--repo", files.repo(), "--as", "human:alice");

        assertThat(held.code()).isEqualTo(ExitCodes.NO);
        assertThat(held.out().lines())
                .singleElement()
                .satisfies(line -> assertThat(line).contains(id).contains("APPROVED"));
        Cli byAgent = Cli.run("record-approved", "--repo", files.repo(), "--as", "agent:builder", "-o", "json");
        assertThat(byAgent.code()).as(byAgent.out()).isNotZero();
        assertThat(byAgent.err()).contains("agent");
        Cli shown = Cli.run("show", "--repo", files.repo(), id);
        assertThat(shown.out()).contains("APPROVED");
        assertThat(Cli.run("log", "--repo", files.repo()).out().lines()).hasSize(1);
    }
}
