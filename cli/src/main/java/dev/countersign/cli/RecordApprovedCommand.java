package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code countersign record-approved --repo DIR --as P}: records every approved proposal whose record was held (a
 * freeze that has ended), as one group commit: each its own commit with its own trailers, in one push in remote
 * mode. Prints one line per proposal; exits 1 when any stays unrecorded.
 */
@Command(
        name = "record-approved",
        description = "Record every approved proposal whose record was held (e.g. after a freeze), as a human or a"
                + " service: each its own commit, all in one push to the remote. One line per proposal; exits 1"
                + " when any is not recorded.")
final class RecordApprovedCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    PrincipalOption actor = new PrincipalOption();

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = actor.principal();
        List<Proposal> outcomes =
                repository.apply(repo -> repo.reviewer(principal).recordApproved());
        output.print(
                () -> outcomes.stream().map(ProposalText::line).toList(),
                () -> outcomes.stream().map(ProposalText::tree).toList());
        return outcomes.stream().allMatch(p -> p.state() == ProposalState.RECORDED) ? 0 : Countersign.EXIT_NO;
    }
}
