package dev.countersign.cli;

import picocli.CommandLine.Command;

/** {@code countersign withdraw}: Withdraw a proposal. */
@Command(name = "withdraw", description = "Withdraw a proposal.")
final class WithdrawCommand extends ProposalActionCommand {
    @Override
    public Integer call() {
        act((repo, principal) -> repo.proposer(principal).withdraw(proposal.value()));
        return 0;
    }
}
