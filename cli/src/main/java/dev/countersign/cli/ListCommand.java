package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.stack.StackFiles;
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
    TextOrJson output = new TextOrJson();

    @Override
    public Integer call() {
        boolean json = output.json();
        return repository.print(repo -> lines(repo.proposals(state), json));
    }

    private static List<String> lines(List<Proposal> proposals, boolean json) {
        return json
                ? List.of(StackFiles.toJson(
                        proposals.stream().map(ProposalText::tree).toList()))
                : proposals.stream().map(ProposalText::line).toList();
    }
}
