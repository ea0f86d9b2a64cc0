package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code countersign list}: List proposals: the open ones, those in one state, or every proposal page by page
 * ({@code --all}).
 */
@Command(
        name = "list",
        description = "List the open proposals (proposed, approved, drafts); --state S for one state,"
                + " --all for every proposal, a page at a time.")
final class ListCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--state", paramLabel = "S", description = "Only proposals in this state.")
    @Nullable
    ProposalState state;

    @Option(names = "--all", description = "Every proposal, whatever its state, a page at a time (see --limit).")
    boolean all;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "100",
            description = "With --all: the most proposals on a page (default 100).")
    int limit;

    @Option(
            names = "--after",
            paramLabel = "ID",
            description = "With --all: the page after this proposal id (the last id of the previous page).")
    @Nullable
    String after;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        if (!all && (after != null || spec.commandLine().getParseResult().hasMatchedOption("--limit"))) {
            throw new ParameterException(spec.commandLine(), "--limit and --after page through --all");
        }
        List<Proposal> proposals = repository.apply(this::proposals);
        output.print(
                () -> proposals.stream().map(ProposalText::line).toList(),
                () -> proposals.stream().map(ProposalText::tree).toList());
        return 0;
    }

    private List<Proposal> proposals(GitOpsRepository repo) {
        if (all) {
            return repo.proposalPage(state, after, limit);
        }
        return state == null ? repo.openProposals() : repo.proposals(state);
    }
}
