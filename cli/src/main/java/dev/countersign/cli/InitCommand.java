package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code countersign init --repo DIR [--remote URL] --policy POLICY --environment ENV_FILE... [--age-recipient
 * R]...}. With {@code --remote}, a server another host already initialized is joined instead.
 */
@Command(
        name = "init",
        description = "Create a GitOps repository with its policy and environments.",
        mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "The policy file.")
    @SuppressWarnings("NullAway.Init")
    Path policy;

    @Option(
            names = "--environment",
            required = true,
            arity = "1..*",
            paramLabel = "ENV_FILE",
            description = "Environment files.")
    List<Path> environments = new ArrayList<>();

    @Option(names = "--age-recipient", paramLabel = "R", description = "An age public key secrets are encrypted to.")
    List<String> recipients = new ArrayList<>();

    @Option(
            names = "--remote",
            paramLabel = "URL",
            description = "A Git server shared by several hosts; joins it when another host initialized it.")
    @Nullable
    String remote;

    @Option(names = "--as", paramLabel = "PRINCIPAL", description = "Who initializes (default service:countersign).")
    String as = "service:countersign";

    @Override
    public Integer call() {
        List<Environment> parsed =
                environments.stream().map(StackFiles::readEnvironment).toList();
        try (GitOpsRepository repo = repository.open(remote)) {
            if (remote != null && repo.isInitialized()) {
                spec.commandLine()
                        .getOut()
                        .println("joined " + remote + " at " + repo.log().get(0).commit());
                return 0;
            }
            String root = repo.initialize(Principal.parse(as), read(policy), parsed, recipients);
            spec.commandLine().getOut().println(root);
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
    }
}
