package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code countersign init --repo DIR [--remote URL] --policy POLICY --environment ENV_FILE... [--age-recipient
 * R]...}. With {@code --remote}, a server another host already initialized is joined instead.
 */
@Command(name = "init", description = "Create a GitOps repository with its policy and environments.")
final class InitCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

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

    @Option(
            names = "--pricing",
            paramLabel = "FILE",
            description = "A price catalogue (kind: Pricing), stored as .countersign/pricing.yaml to cost topology"
                    + " changes.")
    @Nullable
    Path pricing;

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

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        List<Environment> parsed =
                environments.stream().map(inputs()::environment).toList();
        String policyText = inputs().text(policy, "policy");
        try (GitOpsRepository repo = repository.open(remote)) {
            if (remote != null && repo.isInitialized()) {
                String head = repo.log().get(0).commit();
                output.print(
                        () -> List.of("joined " + remote + " at " + head),
                        () -> Map.of("joined", remote, "commit", head));
                return 0;
            }
            Path catalogue = pricing;
            String root = catalogue == null
                    ? repo.initialize(Principal.parse(as), policyText, parsed, recipients)
                    : repo.initialize(
                            Principal.parse(as),
                            dev.countersign.policy.Policy.parse(policyText),
                            parsed,
                            recipients,
                            dev.countersign.stack.Pricing.parse(
                                    inputs().text(catalogue, "pricing"), catalogue.toString()));
            output.print(() -> List.of(root), () -> Map.of("commit", root));
        }
        return 0;
    }
}
