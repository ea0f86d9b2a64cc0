package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import picocli.CommandLine.Command;

/**
 * {@code countersign record}: Record an approved proposal whose record was held, as the principal {@code --as}
 * names (a human or a service holding the {@code record} action; never an agent).
 */
@Command(name = "record", description = "Record an approved proposal whose record was held, as a human or a service.")
final class RecordCommand extends ProposalActionCommand {
    @Override
    public Integer call() {
        Principal principal = actor.principal();
        Proposal p = repository.apply(repo -> repo.record(proposal.value(), principal));
        out().println(ProposalText.line(p));
        return p.state() == ProposalState.RECORDED ? 0 : Countersign.EXIT_NO;
    }
}
