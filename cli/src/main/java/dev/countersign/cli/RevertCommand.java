package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign revert}: Propose the revert of a recorded commit; the first line printed is its id. */
@Command(name = "revert", description = "Propose the revert of a recorded commit; the first line printed is its id.")
final class RevertCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Parameters(index = "0", paramLabel = "COMMIT", description = "The recorded commit to revert.")
    @SuppressWarnings("NullAway.Init")
    String commit;

    @Mixin
    PrincipalOption actor = new PrincipalOption();

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why.")
    String rationale = "revert";

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = actor.principal();
        Proposal p = repository.apply(repo -> {
            KnownNames.commit(repo, commit);
            return repo.proposer(principal).proposeRevert(commit, rationale);
        });
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }
}
