package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Pricing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign propose-pricing --repo DIR --as P [--rationale TEXT] [--evidence TEXT]... PRICING_FILE}:
 * proposes a change of the repository's price catalogue ({@code .countersign/pricing.yaml}), governed like the
 * policy; prints the id first.
 */
@Command(
        name = "propose-pricing",
        description = "Propose a change of the repository's price catalogue (.countersign/pricing.yaml), which prices"
                + " every topology change and so decides what sizing limits allow: judged, approved and recorded"
                + " like a policy change (change-policy, which agents never hold). The first line printed is its"
                + " id.")
final class ProposePricingCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposerOptions proposer = new ProposerOptions();

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Option(
            names = "--evidence",
            paramLabel = "TEXT",
            description = "A link or note backing the rationale (e.g. the provider's price list); repeat for several.")
    List<String> evidence = new ArrayList<>();

    @Parameters(
            index = "0",
            paramLabel = "PRICING_FILE",
            description = "The price catalogue as it is to be (kind: Pricing); - reads standard input.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = proposer.principal();
        Pricing changed = Pricing.parse(inputs().text(file, "pricing"), file.toString());
        Proposal p = repository.apply(repo -> repo.proposer(principal).proposePricing(changed, rationale, evidence));
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }
}
