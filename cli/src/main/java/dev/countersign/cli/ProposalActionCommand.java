package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import java.util.List;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;

/**
 * A lifecycle command by which a principal acts on one proposal: {@code --repo DIR} (with its transport and
 * signing options), the proposal {@code ID} as the first parameter, and {@code --as PRINCIPAL}.
 */
abstract class ProposalActionCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ProposalIdParameter proposal = new ProposalIdParameter();

    @Mixin
    PrincipalOption actor = new PrincipalOption();

    /**
     * Reads {@code --as} (a malformed principal fails before the repository is opened), then opens the repository,
     * takes the step as that principal, prints each line the step returns and closes the repository; exit code 0.
     */
    final int act(BiFunction<GitOpsRepository, Principal, List<String>> step) {
        Principal principal = actor.principal();
        return repository.print(repo -> step.apply(repo, principal));
    }
}
