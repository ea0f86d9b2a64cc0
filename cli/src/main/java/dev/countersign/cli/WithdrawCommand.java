package dev.countersign.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code countersign withdraw}: Withdraw a proposal. */
@Command(name = "withdraw", description = "Withdraw a proposal.")
final class WithdrawCommand extends ProposalActionCommand {
    @Override
    public Integer call() {
        return act((repo, principal) ->
                List.of(ProposalText.line(repo.proposer(principal).withdraw(proposal.value()))));
    }
}
