package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign propose-policy --repo DIR --as P [--rationale TEXT] [--evidence TEXT]... POLICY_FILE}: proposes
 * a change of the repository's policy ({@code .countersign/policy.yaml}, approver keys included), judged and
 * approved under the policy in force; prints the id first.
 */
@Command(
        name = "propose-policy",
        description = "Propose a change of the repository's policy (roles, bindings, approval rules, approver keys),"
                + " judged, approved and recorded under the policy in force: it needs change-policy, which agents"
                + " never hold. The first line printed is its id.")
final class ProposePolicyCommand extends Subcommand {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Mixin
    ProposerOptions proposer = new ProposerOptions();

    @Option(names = "--rationale", paramLabel = "TEXT", description = "Why the change is needed.")
    String rationale = "";

    @Option(
            names = "--evidence",
            paramLabel = "TEXT",
            description = "A link or note backing the rationale; repeat for several.")
    List<String> evidence = new ArrayList<>();

    @Parameters(
            index = "0",
            paramLabel = "POLICY_FILE",
            description = "The policy file as it is to be (kind: Policy); - reads standard input.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Principal principal = proposer.principal();
        Policy changed = inputs().policy(file);
        Proposal p = repository.apply(repo -> repo.proposer(principal).proposePolicy(changed, rationale, evidence));
        output.print(() -> ProposalText.created(p), () -> ProposalText.tree(p));
        return 0;
    }
}
