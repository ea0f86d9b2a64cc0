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

/** {@code countersign withdraw}: Withdraw a proposal. */
@Command(name = "withdraw", description = "Withdraw a proposal.", mixinStandardHelpOptions = true)
final class WithdrawCommand implements Callable<Integer> {
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
                            ProposalText.line(repo.proposer(Principal.parse(as)).withdraw(id)));
        }
        return 0;
    }
}
