package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code countersign record}: Record an approved proposal whose record was held. */
@Command(name = "record", description = "Record an approved proposal whose record was held.")
final class RecordCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ProposalIdParameter proposal = new ProposalIdParameter();

    @Override
    public Integer call() {
        Proposal p = repository.apply(repo -> repo.record(proposal.value()));
        out().println(ProposalText.line(p));
        return p.state() == ProposalState.RECORDED ? 0 : Countersign.EXIT_NO;
    }
}
