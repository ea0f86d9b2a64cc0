package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code countersign propose --repo DIR --as P [--on-behalf-of P] --env ENV STACK [--secrets FILE]}; prints the id
 * first.
 */
@Command(
        name = "propose",
        description = "Propose a new version of a stack; the first line printed is its id.",
        mixinStandardHelpOptions = true)
final class ProposeCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who proposes.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Option(names = "--on-behalf-of", paramLabel = "PRINCIPAL", description = "The human an agent acts for.")
    @Nullable
    String onBehalfOf;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The target environment.")
    @SuppressWarnings("NullAway.Init")
    String environment;

    @Option(
            names = "--secrets",
            paramLabel = "FILE",
            description = "A flat YAML map of secret variable name to value (humans only); sops-encrypted to the"
                    + " repository's .sops.yaml recipients before anything is written.")
    @Nullable
    Path secrets;

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Parameters(index = "0", paramLabel = "STACK", description = "The stack file.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Override
    public Integer call() {
        Principal principal = Principal.parse(as);
        if (onBehalfOf != null) {
            principal = principal.actingFor(Principal.parse(onBehalfOf));
        }
        try (GitOpsRepository repo = repository.open()) {
            Stack read = StackFiles.readStack(stack);
            Proposal p = secrets == null
                    ? repo.proposer(principal).propose(environment, read, rationale, List.of())
                    : repo.proposer(principal)
                            .propose(environment, read, SecretsFile.read(secrets), rationale, List.of());
            spec.commandLine().getOut().println(p.id());
            spec.commandLine().getOut().println(ProposalText.line(p));
        }
        return 0;
    }
}
