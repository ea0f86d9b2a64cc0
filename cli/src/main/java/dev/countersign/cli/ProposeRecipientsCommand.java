package dev.countersign.cli;

import dev.countersign.gitops.DecryptionKeys;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code countersign propose-recipients --repo DIR --as P --env ENV [--add R]... [--remove R]...}: proposes a change
 * of an environment's SOPS age recipients, every sops file of the environment re-encrypted on this host with the
 * age identities sops reads ({@code SOPS_AGE_KEY}, {@code SOPS_AGE_KEY_FILE}, the default keys file); prints the
 * id first.
 */
@Command(
        name = "propose-recipients",
        description = "Propose adding or removing SOPS age recipients of an environment. Every sops file of the"
                + " environment is re-encrypted here (a removal rotates every data key) with the identities of"
                + " SOPS_AGE_KEY / SOPS_AGE_KEY_FILE. The first line printed is its id.")
final class ProposeRecipientsCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposerOptions proposer = new ProposerOptions();

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    @SuppressWarnings("NullAway.Init")
    String environment;

    @Option(names = "--add", paramLabel = "R", description = "An age recipient (age1...) to add; repeatable.")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "R", description = "An age recipient to remove; repeatable.")
    List<String> remove = new ArrayList<>();

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = proposer.principal();
        SopsEnvironment sops = SopsEnvironment.system(out());
        DecryptionKeys keys = DecryptionKeys.fromEnvironment(sops.variables(), sops.home());
        Proposal p = repository.apply(repo ->
                repo.proposer(principal).proposeRecipients(environment, add, remove, keys, rationale, List.of()));
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }
}
