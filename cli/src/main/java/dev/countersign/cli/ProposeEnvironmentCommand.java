package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign propose-environment --repo DIR --as P [--on-behalf-of P] ENV_FILE}: proposes a change of an
 * environment's definition (renderer, Flux or Argo CD options, cluster, variables); prints the id first.
 */
@Command(
        name = "propose-environment",
        description = "Propose a change of an environment (renderer, Flux/Argo CD options, variables); every stack in"
                + " it is rendered again. The first line printed is its id.")
final class ProposeEnvironmentCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposerOptions proposer = new ProposerOptions();

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Parameters(
            index = "0",
            paramLabel = "ENV_FILE",
            description = "The environment file as it is to be (kind: Environment); its name is the environment.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = proposer.principal();
        Environment target = inputs().environment(file);
        Proposal p =
                repository.apply(repo -> repo.proposer(principal).proposeEnvironment(target, rationale, List.of()));
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }
}
