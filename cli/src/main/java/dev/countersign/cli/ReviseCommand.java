package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Proposer;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code countersign revise --repo DIR ID --as P FILE}; prints the new revision's id first. FILE is the stack, or
 * the environment file when the proposal is an environment change.
 */
@Command(
        name = "revise",
        description = "Revise a proposal; earlier approvals are void. FILE is the new stack, or the new environment"
                + " file for an environment change.",
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

    @Parameters(
            index = "1",
            paramLabel = "FILE",
            description = "The new version of the stack, or of the environment file for an environment change.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            Proposer proposer = repo.proposer(Principal.parse(as));
            Proposal p;
            if (repo.proposal(id).isEnvironmentChange()) {
                if (secrets != null) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "--secrets does not apply to " + id + ": it changes an environment, not a stack");
                }
                p = proposer.reviseEnvironment(id, StackFiles.readEnvironment(file));
            } else {
                Stack read = StackFiles.readStack(file);
                p = secrets == null ? proposer.revise(id, read) : proposer.revise(id, read, SecretsFile.read(secrets));
            }
            spec.commandLine().getOut().println(p.id());
            spec.commandLine().getOut().println(ProposalText.line(p));
        }
        return 0;
    }
}
