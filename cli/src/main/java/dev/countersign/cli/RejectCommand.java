package dev.countersign.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code countersign reject}: Reject a proposal, with a reason. */
@Command(name = "reject", description = "Reject a proposal, with a reason.")
final class RejectCommand extends ProposalActionCommand {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is rejected.")
    @SuppressWarnings("NullAway.Init")
    String reason;

    @Override
    public Integer call() {
        act((repo, principal) -> repo.reviewer(principal).reject(proposal.value(), reason));
        return 0;
    }
}
