package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code countersign revert}: Propose the revert of a recorded commit; the first line printed is its id. */
@Command(
        name = "revert",
        description = "Propose the revert of a recorded commit; the first line printed is its id.",
        mixinStandardHelpOptions = true)
final class RevertCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Parameters(index = "0", paramLabel = "COMMIT", description = "The recorded commit to revert.")
    @SuppressWarnings("NullAway.Init")
    String commit;

    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who acts.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why.")
    String rationale = "revert";

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            Proposal p = repo.proposer(Principal.parse(as)).proposeRevert(commit, rationale);
            spec.commandLine().getOut().println(p.id());
            spec.commandLine().getOut().println(ProposalText.line(p));
        }
        return 0;
    }
}
