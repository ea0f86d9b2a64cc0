package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import picocli.CommandLine.Command;

/**
 * {@code countersign record}: Record an approved proposal whose record was held, as the principal {@code --as}
 * names (a human or a service holding the {@code record} action; never an agent).
 */
@Command(name = "record", description = "Record an approved proposal whose record was held, as a human or a service.")
final class RecordCommand extends ProposalActionCommand {
    @Override
    public Integer call() {
        Proposal p = act((repo, principal) -> repo.record(proposal.value(), principal));
        return p.state() == ProposalState.RECORDED ? 0 : Countersign.EXIT_NO;
    }
}
