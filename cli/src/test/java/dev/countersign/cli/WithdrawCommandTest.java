package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WithdrawCommandTest {
    @TempDir
    Path folder;

    @Test
    void withdrawsRejectsAndRevisesThroughTheCommandLine() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String first = files.propose("agent:builder", files.stack());
        String second = files.propose("agent:builder", files.stackV2());

        Cli revised = Cli.run("revise", "--repo", files.repo(), first, "--as", "agent:builder", files.stackV2());
        String third = revised.out().lines().findFirst().orElseThrow();

        assertThat(Cli.run("withdraw", "--repo", files.repo(), second, "--as", "agent:builder")
                        .out())
                .contains("WITHDRAWN");
        assertThat(Cli.run("reject", "--repo", files.repo(), third, "--as", "human:alice", "--reason", "no")
                        .out())
                .contains("REJECTED");
        assertThat(Cli.run("list", "--repo", files.repo(), "--state", "superseded")
                        .out())
                .contains(first);
    }
}
