package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign hook install} and {@code hook pre-receive}, in-process. */
class HookCommandTest {
    @TempDir
    Path folder;

    private static Cli preReceive(String stdin, Map<String, String> variables, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var environment = new SopsEnvironment(
                variables,
                Path.of("."),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream());
        int code = Countersign.run(
                environment,
                new PrintWriter(out),
                new PrintWriter(err),
                Cli.with(new String[] {"hook", "pre-receive"}, args));
        return new Cli(code, out.toString(), err.toString());
    }

    private String main(GitOpsFiles files) throws Exception {
        return Files.readString(Path.of(files.repo()).resolve("refs/heads/main"))
                .strip();
    }

    @Test
    void installsAnExecutableHookRunningTheGivenCommand() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli installed = Cli.run("hook", "install", "--repo", files.repo(), "--command", "/opt/it's/countersign");

        Path hook = Path.of(files.repo()).resolve("hooks/pre-receive");
        assertThat(installed.code()).as(installed.err()).isZero();
        assertThat(hook).isExecutable();
        assertThat(Files.readString(hook))
                .startsWith("#!/bin/sh\n")
                .contains("exec '/opt/it'\\''s/countersign' 'hook' 'pre-receive' '--repo' '"
                        + Path.of(files.repo()).toAbsolutePath().normalize() + "'\n");
    }

    @Test
    void refusesToReplaceADifferentHookUnlessForced() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Path hook =
                Files.createDirectories(Path.of(files.repo()).resolve("hooks")).resolve("pre-receive");
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");

        Cli refused = Cli.run("hook", "install", "--repo", files.repo(), "--command", "countersign");
        String kept = Files.readString(hook);
        Cli forced = Cli.run("hook", "install", "--repo", files.repo(), "--command", "countersign", "--force");
        Cli again = Cli.run("hook", "install", "--repo", files.repo(), "--command", "countersign");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("a different hook exists at").contains("--force");
        assertThat(kept).isEqualTo("#!/bin/sh\nexit 0\n");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readString(hook)).contains("'countersign' 'hook' 'pre-receive'");
    }

    @Test
    void refusesToInstallIntoSomethingThatIsNoBareRepository() {
        Cli refused = Cli.run("hook", "install", "--repo", folder.toString(), "--command", "countersign");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("no bare Git repository at");
        assertThat(folder.resolve("hooks")).doesNotExist();
    }

    @Test
    void preReceivePrintsOneLinePerRefusedRefAndExitsOne() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String main = main(files);
        String zero = "0".repeat(40);
        String stdin = main + " " + zero + " refs/heads/main\n" + zero + " " + main + " refs/heads/drafts/p-free\n";

        Cli refused = preReceive(stdin, Map.of(), "--repo", files.repo());

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().lines())
                .containsExactly("countersign: refused refs/heads/main: delete-main: main holds the record and may"
                        + " not be deleted");
    }

    @Test
    void preReceiveAcceptsWhatNeedsNoCheckAndFindsTheRepositoryThroughGitDir() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String stdin = "0".repeat(40) + " " + main(files) + " refs/heads/drafts/p-free\n";

        Cli accepted = preReceive(
                stdin, Map.of("GIT_DIR", Path.of(files.repo()).toAbsolutePath().toString()));

        assertThat(accepted.code()).as(accepted.err()).isZero();
        assertThat(accepted.err()).isEmpty();
    }
}
