package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each documented exit code, provoked the way a user would, and listed in {@code countersign --help}. */
class ExitCodesTest {
    @TempDir
    Path folder;

    @Test
    void listsTheExitCodesInTheHelp() {
        Cli help = Cli.run("--help");

        assertThat(help.out())
                .contains("Exit codes:")
                .containsPattern("\\s0\\s+ok")
                .containsPattern("\\s1\\s+the answer is no: denied by policy")
                .containsPattern("\\s2\\s+usage error")
                .containsPattern("\\s3\\s+not found")
                .containsPattern("\\s4\\s+verify found commits")
                .containsPattern("\\s5\\s+I/O error")
                .contains("COUNTERSIGN_REPO");
    }

    @Test
    void deniedIsOne() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli approve = Cli.run("approve", "--repo", files.repo(), id, "--as", "agent:builder");

        assertThat(approve.code()).as(approve.err()).isEqualTo(ExitCodes.NO);
    }

    @Test
    void usageIsTwo() {
        assertThat(Cli.run("plan", Cli.STACK, "--no-such-option").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnknownProposalEnvironmentOrCommitIsThree() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli show = Cli.run("show", "--repo", files.repo(), "p-000000000000");
        Cli propose =
                Cli.run("propose", "--repo", files.repo(), "--as", "agent:builder", "--env", "dev", files.stack());
        Cli revert = Cli.run("revert", "--repo", files.repo(), "0123abcd", "--as", "human:alice");
        Cli missing = Cli.run("list", "--repo", folder.resolve("typo").toString());

        assertThat(List.of(show.code(), propose.code(), revert.code(), missing.code()))
                .containsOnly(ExitCodes.NOT_FOUND);
        assertThat(propose.err()).startsWith("unknown environment 'dev': the repository has staging");
        assertThat(revert.err()).startsWith("unknown commit '0123abcd'");
    }

    @Test
    void verifyFindingsAreFour() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String tree = git(files.repo(), "rev-parse", "main^{tree}");
        String rogue = git(
                files.repo(),
                "-c",
                "user.name=agent",
                "-c",
                "user.email=a@example.com",
                "commit-tree",
                tree,
                "-p",
                "main",
                "-m",
                "slipped past the contract");
        git(files.repo(), "update-ref", "refs/heads/main", rogue);

        Cli verify = Cli.run("verify", "--repo", files.repo());

        assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(verify.out()).contains("1 findings");
    }

    @Test
    void anUnreadableFileIsFive() {
        Cli plan = Cli.run("plan", folder.resolve("absent.yaml").toString());

        assertThat(plan.code()).isEqualTo(ExitCodes.IO);
        assertThat(plan.err()).startsWith("cannot read stack file " + folder.resolve("absent.yaml"));
    }

    static String git(String repo, String... args) throws Exception {
        var command = new ArrayList<>(List.of("git", "-C", repo));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(git.waitFor()).as(out).isZero();
        return out;
    }
}
