package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code countersign approve}: Approve a proposal; it is recorded when policy allows. Exit 1 when denied. */
@Command(
        name = "approve",
        description = "Approve a proposal; it is recorded when policy allows. Exit 1 when denied.",
        mixinStandardHelpOptions = true)
final class ApproveCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id.")
    @SuppressWarnings("NullAway.Init")
    String id;

    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who acts.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            spec.commandLine()
                    .getOut()
                    .println(
                            ProposalText.line(repo.reviewer(Principal.parse(as)).approve(id)));
        }
        return 0;
    }
}
