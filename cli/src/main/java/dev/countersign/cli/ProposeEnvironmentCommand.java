package dev.countersign.cli;

import dev.countersign.gitops.EnvironmentRequest;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign propose-environment --repo DIR --as P [--on-behalf-of P] [--insight FILE] [--cluster-api FILE]
 * ENV_FILE | --retire ENV}: proposes a
 * change of an environment's definition (renderer, Flux or Argo CD options, cluster, variables), a new environment
 * (a name the repository does not define yet), or the retirement of an environment without stacks; prints the id
 * first.
 */
@Command(
        name = "propose-environment",
        description = "Propose a change of an environment (renderer, Flux/Argo CD options, variables; every stack in"
                + " it is rendered again), a new environment (a name not defined yet), or with --retire the"
                + " retirement of an environment without stacks. The first line printed is its id.")
final class ProposeEnvironmentCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposerOptions proposer = new ProposerOptions();

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Option(names = "--insight", paramLabel = "FILE", description = InsightText.OPTION)
    @Nullable
    Path insight;

    @Option(
            names = "--cluster-api",
            paramLabel = "FILE",
            description = "A Cluster API mapping (kind: ClusterApi): how the environment's topology maps onto the"
                    + " host's infrastructure provider; recorded with the environment, and the topology rendered as"
                    + " Cluster API objects under topology/ENV/. See docs/topology.md.")
    @Nullable
    Path clusterApi;

    @Option(
            names = "--retire",
            paramLabel = "ENV",
            description = "Retire this environment instead: delete its environment file (refused while it has stacks).")
    @Nullable
    String retire;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ENV_FILE",
            description = "The environment file as it is to be (kind: Environment); its name is the environment.")
    @Nullable
    Path file;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = proposer.principal();
        String retired = retire;
        Path changed = file;
        if ((retired == null) == (changed == null)) {
            throw new ParameterException(spec.commandLine(), "give either ENV_FILE or --retire ENV");
        }
        Proposal p = retired != null
                ? repository.apply(
                        repo -> repo.proposer(principal).proposeEnvironmentRetirement(retired, rationale, List.of()))
                : proposeChange(principal, changed);
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }

    private Proposal proposeChange(Principal principal, Path changed) {
        EnvironmentRequest request =
                EnvironmentRequest.of(inputs().environment(changed)).rationale(rationale);
        if (insight != null) {
            request = request.insight(inputs().insight(insight));
        }
        if (clusterApi != null) {
            request = request.clusterApi(inputs().clusterApi(clusterApi));
        }
        EnvironmentRequest proposed = request;
        return repository.apply(repo -> repo.proposer(principal).proposeEnvironment(proposed));
    }
}
