package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -} reads a file from standard input; {@code COUNTERSIGN_REPO} is the default of {@code --repo}. */
class StandardInputAndRepoVariableTest {
    @TempDir
    Path folder;

    @Test
    void readsAStackFromStandardInput() throws Exception {
        String stack = Files.readString(Path.of(Cli.STACK));

        Cli plan = Cli.runWith(Map.of(), stack, "plan", "-");
        Cli validate = Cli.runWith(Map.of(), stack, "validate", "-");
        Cli diff = Cli.runWith(Map.of(), stack, "diff", Cli.STACK, "-", "--exit-code");

        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).isEqualTo(Cli.run("plan", Cli.STACK).out());
        assertThat(validate.out()).startsWith("valid <stdin>: stack monitoring");
        assertThat(diff.code()).as(diff.err()).isZero();
    }

    @Test
    void namesStandardInputInAnError() {
        Cli validate = Cli.runWith(Map.of(), "kind: Nonsense\n", "validate", "-");

        assertThat(validate.code()).isEqualTo(ExitCodes.NO);
        assertThat(validate.err()).startsWith("invalid <stdin>:");
    }

    @Test
    void proposesAStackAndReadsAPolicyFromStandardInput() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli proposed = Cli.runWith(
                Map.of(),
                Files.readString(Path.of(files.stack())),
                "propose",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--env",
                "staging",
                "-");
        Cli policy = Cli.runWith(Map.of(), GitOpsFiles.POLICY, "policy", "validate", "-");

        assertThat(proposed.code()).as(proposed.err()).isZero();
        assertThat(proposed.out()).contains("PROPOSED  staging/web");
        assertThat(policy.out()).startsWith("-: valid policy acme");
    }

    @Test
    void takesTheRepositoryFromCountersignRepoAndAnExplicitRepoWins() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());
        Map<String, String> variables = Map.of(Countersign.REPO_VARIABLE, files.repo());

        Cli list = Cli.runWith(variables, "", "list");
        Cli explicit = Cli.runWith(
                variables, "", "list", "--repo", folder.resolve("elsewhere").toString());
        Cli without = Cli.runWith(Map.of(), "", "list");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(id);
        assertThat(explicit.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(explicit.err()).contains("elsewhere");
        assertThat(without.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(without.err()).contains("--repo");
    }
}
