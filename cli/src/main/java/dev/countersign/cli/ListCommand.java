package dev.countersign.cli;

import dev.countersign.gitops.ProposalState;
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

    @Override
    public Integer call() {
        return repository.print(
                repo -> repo.proposals(state).stream().map(ProposalText::line).toList());
    }
}
