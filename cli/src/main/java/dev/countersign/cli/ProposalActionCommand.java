package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * A lifecycle command by which a principal acts on one proposal: {@code --repo DIR} (with its transport and
 * signing options), the proposal {@code ID} as the first parameter, and {@code --as PRINCIPAL}.
 */
abstract class ProposalActionCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposalIdParameter proposal = new ProposalIdParameter();

    @Mixin
    PrincipalOption actor = new PrincipalOption();

    @Mixin
    OutputOption output = new OutputOption();

    /**
     * Reads {@code --as} (a malformed principal fails before the repository is opened), then opens the repository,
     * takes the step as that principal, closes the repository and prints the proposal the step returns: its
     * {@link ProposalText#line} as text, its model as JSON or YAML.
     */
    final Proposal act(BiFunction<GitOpsRepository, Principal, Proposal> step) {
        return act(step, p -> List.of(ProposalText.line(p)));
    }

    /** As {@link #act(BiFunction)}, printing {@code text} of the proposal as text. */
    final Proposal act(BiFunction<GitOpsRepository, Principal, Proposal> step, Function<Proposal, List<String>> text) {
        Principal principal = actor.principal();
        Proposal p = repository.apply(repo -> step.apply(repo, principal));
        output.print(() -> text.apply(p), () -> ProposalText.tree(p));
        return p;
    }
}
