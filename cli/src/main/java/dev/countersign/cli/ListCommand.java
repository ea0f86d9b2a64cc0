package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.ProposalState;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code countersign list}: List proposals. */
@Command(name = "list", description = "List proposals.", mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--state", paramLabel = "S", description = "Only proposals in this state.")
    @Nullable
    ProposalState state;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            repo.proposals(state).forEach(p -> spec.commandLine().getOut().println(ProposalText.line(p)));
        }
        return 0;
    }
}
