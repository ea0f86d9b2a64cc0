package dev.countersign.cli;

import dev.countersign.gitops.ReceiveCheck;
import dev.countersign.gitops.Refusal;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code countersign hook pre-receive}: what git runs before a push lands. Reads git's {@code <old> <new> <ref>}
 * lines on standard input and the pushed objects from git's quarantine, prints one line per refused ref on
 * standard error, and exits 1 if any is refused (git then lands nothing).
 */
@Command(
        name = "pre-receive",
        description = "Run as git's pre-receive hook: refuse pushes to main that do not verify, deleting main, and"
                + " rewriting refs/countersign/*; exit 1 when anything is refused.")
final class HookPreReceiveCommand extends Subcommand {
    @ParentCommand
    @SuppressWarnings("NullAway.Init")
    HookCommand parent;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The bare repository receiving the push (default: $GIT_DIR, else the working directory,"
                    + " as git runs hooks).")
    @Nullable
    Path directory;

    @Mixin
    HookKeyOptions keys = new HookKeyOptions();

    @Option(names = "--max-updates", paramLabel = "N", description = "The most ref updates one push may carry.")
    int maxUpdates = 10_000;

    @Option(names = "--max-commits", paramLabel = "N", description = "The most new commits one push may add to main.")
    int maxCommits = 1_000;

    @Override
    public Integer call() {
        SopsEnvironment environment = parent.environment();
        // git runs hooks in the repository; relative quarantine paths are relative to this process's directory
        Path workingDirectory = Path.of("").toAbsolutePath();
        ReceiveCheck check = keys.applyTo(ReceiveCheck.builder(repository(environment, workingDirectory))
                        .gitEnvironment(environment.variables(), workingDirectory)
                        .maxUpdates(maxUpdates)
                        .maxCommits(maxCommits))
                .build();
        List<Refusal> refused = check.check(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8));
        PrintWriter err = spec.commandLine().getErr();
        refused.forEach(refusal -> err.println("countersign: refused " + refusal));
        err.flush();
        return refused.isEmpty() ? 0 : Countersign.EXIT_NO;
    }

    private Path repository(SopsEnvironment environment, Path workingDirectory) {
        if (directory != null) {
            return directory;
        }
        String gitDir = environment.variables().get("GIT_DIR");
        return gitDir == null || gitDir.isEmpty() ? workingDirectory : workingDirectory.resolve(gitDir);
    }
}
