package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.GitOpsRepositoryBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --repo DIR} option of the gitops subcommands (default {@code COUNTERSIGN_REPO}). A read-only command
 * has only this; a command that writes or talks to a remote uses {@link RemoteRepositoryOption}, which adds the
 * {@link TransportOptions} and {@link RegistryOptions} under their own headings. A directory initialized with
 * {@code --remote} stays in remote mode.
 */
class RepositoryOption {
    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init")
    CommandSpec command;

    @Option(
            names = "--repo",
            required = true,
            paramLabel = "DIR",
            description = "The GitOps repository (default $COUNTERSIGN_REPO).")
    @SuppressWarnings("NullAway.Init")
    Path directory;

    /** The transport and signing options given; none on a read-only command (the environment variables apply). */
    TransportOptions transport() {
        return new TransportOptions();
    }

    /** The chart registry options given; none on a read-only command (the environment variables apply). */
    RegistryOptions registry() {
        return new RegistryOptions();
    }

    /**
     * Opens the repository, takes one step on it, prints each line the step returns to the command's standard
     * output, and closes the repository; exit code 0.
     */
    int print(Function<GitOpsRepository, List<String>> step) {
        apply(step).forEach(out()::println);
        return 0;
    }

    /** The standard output of the command this option belongs to. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Opens the repository, takes one step on it and closes it again; returns what the step returned. */
    <T> T apply(Function<GitOpsRepository, T> step) {
        try (GitOpsRepository repo = open()) {
            return step.apply(repo);
        }
    }

    /** Opens the repository, which must exist: only {@code init} creates one ({@link #open(String)}). */
    GitOpsRepository open() {
        ExistingRepository.require(directory);
        return open(null, environment());
    }

    /** The environment variables of this run. */
    Map<String, String> environment() {
        return Countersign.environment(command).variables();
    }

    GitOpsRepository open(@Nullable String remote) {
        return open(remote, environment());
    }

    // the process environment is this command's edge: the library itself never reads it
    GitOpsRepository open(@Nullable String remote, Map<String, String> environment) {
        GitOpsRepositoryBuilder builder = GitOpsRepositoryBuilder.of(directory);
        if (remote != null) {
            builder.remote(remote);
        }
        transport().apply(builder, environment);
        builder.chartResolver(registry().resolver(environment));
        return builder.open();
    }
}
