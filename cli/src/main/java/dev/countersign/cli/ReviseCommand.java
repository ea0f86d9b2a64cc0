package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code countersign revise --repo DIR ID --as P STACK}; prints the new revision's id first. */
@Command(
        name = "revise",
        description = "Revise a proposal; earlier approvals are void.",
        mixinStandardHelpOptions = true)
final class ReviseCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal to revise.")
    @SuppressWarnings("NullAway.Init")
    String id;

    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who revises.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Option(
            names = "--secrets",
            paramLabel = "FILE",
            description = "New secret values, replacing the draft's (humans only); sops-encrypted before anything"
                    + " is written.")
    @Nullable
    Path secrets;

    @Parameters(index = "1", paramLabel = "STACK", description = "The new version of the stack.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            Stack read = StackFiles.readStack(stack);
            Proposal p = secrets == null
                    ? repo.proposer(Principal.parse(as)).revise(id, read)
                    : repo.proposer(Principal.parse(as)).revise(id, read, SecretsFile.read(secrets));
            spec.commandLine().getOut().println(p.id());
            spec.commandLine().getOut().println(ProposalText.line(p));
        }
        return 0;
    }
}
