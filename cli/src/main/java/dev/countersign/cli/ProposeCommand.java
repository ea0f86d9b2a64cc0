package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalRequest;
import dev.countersign.gitops.Proposer;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign propose --repo DIR --as P [--on-behalf-of P] --env ENV STACK [--secrets FILE] [--insight FILE]};
 * prints the id
 * first.
 */
@Command(name = "propose", description = "Propose a new version of a stack; the first line printed is its id.")
final class ProposeCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposerOptions proposer = new ProposerOptions();

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

    @Option(names = "--insight", paramLabel = "FILE", description = InsightText.OPTION)
    @Nullable
    Path insight;

    @Parameters(index = "0", paramLabel = "STACK", description = "The stack file.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = proposer.principal();
        Proposal p = repository.apply(repo -> propose(repo, repo.proposer(principal)));
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }

    private Proposal propose(GitOpsRepository repo, Proposer proposer) {
        KnownNames.environment(repo, environment);
        Stack read = inputs().stack(stack);
        ProposalRequest request = ProposalRequest.of(environment, read).rationale(rationale);
        if (secrets != null) {
            request = request.secrets(inputs().secrets(secrets));
        }
        return proposer.propose(insight == null ? request : request.insight(inputs().insight(insight)));
    }
}
