package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Proposer;
import dev.countersign.stack.Stack;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign revise --repo DIR ID --as P FILE}; prints the new revision's id first. FILE is the stack, or
 * the environment file when the proposal is an environment change.
 */
@Command(
        name = "revise",
        description = "Revise a proposal; earlier approvals are void. FILE is the new stack, or the new environment"
                + " file for an environment change.")
final class ReviseCommand extends ProposalActionCommand {
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
        act((repo, principal) -> revise(repo, repo.proposer(principal)), ProposalText::created);
        return 0;
    }

    private Proposal revise(GitOpsRepository repo, Proposer proposer) {
        String id = proposal.value();
        if (repo.proposal(id).isPolicyChange()) {
            throw new CommandFailure(
                    "proposal " + id + " changes the policy: withdraw it and propose-policy the new version instead");
        }
        if (repo.proposal(id).isEnvironmentChange()) {
            if (secrets != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--secrets does not apply to " + id + ": it changes an environment, not a stack");
            }
            return proposer.reviseEnvironment(id, inputs().environment(file));
        }
        Stack read = inputs().stack(file);
        return secrets == null ? proposer.revise(id, read) : proposer.revise(id, read, inputs().secrets(secrets));
    }
}
