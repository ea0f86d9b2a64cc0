package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path folder;

    @Test
    void passesAHistoryMadeThroughTheContract() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String first = files.propose("agent:builder", files.stack());
        Cli.run("approve", "--repo", files.repo(), first, "--as", "human:alice");
        String second = files.propose("agent:builder", files.stackV2());
        Cli.run("approve", "--repo", files.repo(), second, "--as", "human:alice");

        Cli verified = Cli.run("verify", "--repo", files.repo(), "--format", "json");

        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("\"commitsChecked\" : 3").contains("\"findings\" : [ ]");
    }

    @Test
    void failsOnACheckpointThatNamesNothing() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli verified = Cli.run("verify", "--repo", files.repo(), "--checkpoint", "0123abcd");

        assertThat(verified.code()).isEqualTo(1);
        assertThat(verified.err()).contains("'0123abcd'");
    }
}
