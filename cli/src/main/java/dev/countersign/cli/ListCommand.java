package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code countersign list}: List proposals. */
@Command(name = "list", description = "List proposals.")
final class ListCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--state", paramLabel = "S", description = "Only proposals in this state.")
    @Nullable
    ProposalState state;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        List<Proposal> proposals = repository.apply(repo -> repo.proposals(state));
        output.print(
                () -> proposals.stream().map(ProposalText::line).toList(),
                () -> proposals.stream().map(ProposalText::tree).toList());
        return 0;
    }
}
