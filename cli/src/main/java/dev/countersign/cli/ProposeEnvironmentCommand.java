package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
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
 * {@code countersign propose-environment --repo DIR --as P [--on-behalf-of P] ENV_FILE}: proposes a change of an
 * environment's definition (renderer, Flux or Argo CD options, cluster, variables); prints the id first.
 */
@Command(
        name = "propose-environment",
        description = "Propose a change of an environment (renderer, Flux/Argo CD options, variables); every stack in"
                + " it is rendered again. The first line printed is its id.",
        mixinStandardHelpOptions = true)
final class ProposeEnvironmentCommand implements Callable<Integer> {
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

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Parameters(
            index = "0",
            paramLabel = "ENV_FILE",
            description = "The environment file as it is to be (kind: Environment); its name is the environment.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        Principal principal = Principal.parse(as);
        if (onBehalfOf != null) {
            principal = principal.actingFor(Principal.parse(onBehalfOf));
        }
        try (GitOpsRepository repo = repository.open()) {
            Proposal p =
                    repo.proposer(principal).proposeEnvironment(StackFiles.readEnvironment(file), rationale, List.of());
            spec.commandLine().getOut().println(p.id());
            spec.commandLine().getOut().println(ProposalText.line(p));
        }
        return 0;
    }
}
