package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevertCommandTest {
    @TempDir
    Path folder;

    @Test
    void proposesARevertThatRecordsLikeAnyChange() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Cli.run(
                "approve",
                "--repo",
                files.repo(),
                files.propose("agent:builder", files.stack()),
                "--as",
                "human:alice");
        Cli.run(
                "approve",
                "--repo",
                files.repo(),
                files.propose("agent:builder", files.stackV2()),
                "--as",
                "human:alice");
        String bad = Cli.run("log", "--repo", files.repo(), "--format", "json")
                .out()
                .lines()
                .filter(l -> l.contains("\"commit\""))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*\"commit\" : \"([0-9a-f]+)\".*", "$1");

        Cli revert = Cli.run("revert", "--repo", files.repo(), bad, "--as", "agent:builder");
        String id = revert.out().lines().findFirst().orElseThrow();
        Cli approved = Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice");

        assertThat(approved.out()).as(revert.err() + approved.err()).contains("RECORDED");
        assertThat(Cli.run("verify", "--repo", files.repo()).code()).isZero();
    }
}
