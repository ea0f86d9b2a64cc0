package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path folder;

    private Cli init(String repo, String remote) {
        return Cli.run(
                "init",
                "--repo",
                repo,
                "--remote",
                remote,
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString());
    }

    @Test
    void aSecondHostJoinsTheServerAndKeepsUsingIt() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Path server = folder.resolve("server.git");
        Process bare = new ProcessBuilder("git", "init", "--quiet", "--bare", server.toString())
                .inheritIO()
                .start();
        assertThat(bare.waitFor()).isZero();
        String remote = server.toUri().toString();
        String first = folder.resolve("first").toString();
        String second = folder.resolve("second").toString();

        Cli created = init(first, remote);
        Cli joined = init(second, remote);

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(joined.code()).as(joined.err()).isZero();
        assertThat(joined.out())
                .startsWith("joined " + remote + " at " + created.out().strip());
        GitOpsFiles onSecond = new GitOpsFiles(folder, second, files.stack(), files.stackV2());
        String id = onSecond.propose("agent:builder", files.stack());
        Cli shown = Cli.run("show", "--repo", first, id);
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains(id);
    }
}
