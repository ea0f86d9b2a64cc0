package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --repo DIR} option shared by the gitops subcommands. */
final class RepositoryOption {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The GitOps repository.")
    @SuppressWarnings("NullAway.Init")
    Path directory;

    GitOpsRepository open() {
        return GitOpsRepository.open(directory);
    }
}
