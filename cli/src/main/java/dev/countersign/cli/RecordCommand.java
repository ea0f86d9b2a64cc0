package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code countersign record}: Record an approved proposal whose record was held. */
@Command(
        name = "record",
        description = "Record an approved proposal whose record was held.",
        mixinStandardHelpOptions = true)
final class RecordCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id.")
    @SuppressWarnings("NullAway.Init")
    String id;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            Proposal p = repo.record(id);
            spec.commandLine().getOut().println(ProposalText.line(p));
            return p.state() == ProposalState.RECORDED ? 0 : Countersign.EXIT_NO;
        }
    }
}
