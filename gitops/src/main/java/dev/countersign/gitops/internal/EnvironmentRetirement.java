package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import java.util.List;
import java.util.TreeMap;

/**
 * The retirement of an environment: an environment change that deletes the environment file and whatever is
 * left in its region (a Flux {@code apps/<env>/.sops.yaml}, for example). It is refused while the environment
 * still records a stack, so it never deletes a workload: each stack leaves first through its own reviewed
 * change (a revert of its first record), under the protections that apply to it. Judged, approved and recorded
 * under the policy of the environment retired, like any environment change.
 */
final class EnvironmentRetirement {
    private EnvironmentRetirement() {}

    /**
     * Proposes the retirement, inside a transaction of the ledger.
     *
     * @param ledger the ledger
     * @param proposing the verb that writes proposals
     * @param by the proposer
     * @param environment the environment to retire
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded addition of the environment this retirement reverts, or null
     * @return the proposal
     * @throws InvalidProposalException if the main line does not define the environment or it still has stacks
     */
    static Proposal propose(
            Ledger ledger,
            Proposing proposing,
            Principal by,
            String environment,
            String rationale,
            List<String> evidence,
            @org.jspecify.annotations.Nullable CommitId reverts) {
        GitStore git = ledger.git();
        CommitId base = ledger.mainHead();
        StackLayout.environment(git, base, environment);
        List<String> stacks = EnvironmentRendering.stacks(git, base, environment);
        if (!stacks.isEmpty()) {
            throw new InvalidProposalException("environment " + environment + " still records stacks " + stacks
                    + ": an environment is retired empty; propose the revert of each stack's first record first");
        }
        List<String> removed = List.copyOf(
                EnvironmentRendering.region(git, git.tree(base), environment).keySet());
        ProposalHeader header = proposing.header(
                new Subject.EnvironmentChange(environment),
                by,
                rationale,
                evidence,
                base,
                ContentHash.of(new TreeMap<>()),
                removed,
                reverts,
                null);
        return proposing.propose(header, new TreeMap<>(), null);
    }
}
