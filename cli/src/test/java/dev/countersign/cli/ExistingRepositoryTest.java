package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --repo} must name an initialized repository for every command but {@code init}; nothing is created. */
class ExistingRepositoryTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"show", "list", "log", "verify"})
    void refusesAPathThatDoesNotExistAndCreatesNothing(String command) {
        Path typo = folder.resolve("typo");

        Cli run = run(command, typo);

        assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("no Countersign repository at " + typo + ": there is no such directory");
        assertThat(typo).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "list", "log", "verify"})
    void refusesAnEmptyDirectoryAndLeavesItEmpty(String command) throws Exception {
        Path empty = Files.createDirectory(folder.resolve("empty"));

        Cli run = run(command, empty);

        assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("no Countersign repository at " + empty + ": it is not a Git repository");
        assertThat(empty).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "list", "log", "verify"})
    void refusesAWorkTreeWithoutMainAndDropsNoLockIntoIt(String command) throws Exception {
        Path tree = Files.createDirectory(folder.resolve("app"));
        git(tree, "init", "--quiet", "-b", "trunk");
        Files.writeString(tree.resolve("README"), "an application\n");
        git(tree, "add", "README");
        git(tree, "-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "--quiet", "-m", "first");
        var before = LifecycleOptionsTest.snapshot(tree);

        Cli run = run(command, tree);

        assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("no Countersign repository at " + tree + ": it has no refs/heads/main branch");
        assertThat(tree.resolve(".git").resolve("countersign.lock")).doesNotExist();
        assertThat(LifecycleOptionsTest.snapshot(tree)).isEqualTo(before);
    }

    @Test
    void opensAnInitializedRepositoryAndLetsInitCreateOne() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli list = Cli.run("list", "--repo", files.repo());

        assertThat(list.code()).as(list.err()).isZero();
    }

    private static Cli run(String command, Path repo) {
        List<String> args = command.equals("show")
                ? List.of(command, "--repo", repo.toString(), "p-000000000000")
                : List.of(command, "--repo", repo.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    private static void git(Path tree, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("git", "-C", tree.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).inheritIO().start();
        assertThat(git.waitFor()).isZero();
    }
}
