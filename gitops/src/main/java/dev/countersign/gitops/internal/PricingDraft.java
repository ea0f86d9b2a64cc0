package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.StackException;
import dev.countersign.stack.TopologyCost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A change of the price catalogue ({@value PricingFile#PATH}), proposed as a policy change (see {@link
 * PolicyDraft}): the catalogue decides what a topology change costs, and so what the environments' {@code
 * limits} and {@code agentCostStep} allow, so it is governed like the policy: {@code change-policy} to propose and
 * to approve, never by an agent, judged under the policy in force. A catalogue must price every server type that
 * a recorded environment's topology uses.
 */
final class PricingDraft {
    private PricingDraft() {}

    /**
     * Proposes a new price catalogue, inside a transaction of the ledger; the policy is carried as recorded.
     *
     * @param ledger the ledger
     * @param proposing the verb that writes proposals
     * @param by the proposer
     * @param changed the catalogue as it is to be
     * @param rationale why
     * @param evidence backing links or notes
     * @return the proposal
     * @throws InvalidProposalException if the catalogue would not change, or leaves a server type in use unpriced
     */
    static Proposal propose(
            Ledger ledger,
            Proposing proposing,
            Principal by,
            Pricing changed,
            String rationale,
            List<String> evidence) {
        GitStore git = ledger.git();
        CommitId base = ledger.mainHead();
        unpriced(git, base, changed).ifPresent(problem -> {
            throw new InvalidProposalException(problem);
        });
        return PolicyDraft.propose(
                ledger,
                proposing,
                by,
                PolicyDraft.with(PricingFile.PATH, PricingFile.content(changed)),
                rationale,
                evidence,
                null,
                "pricing proposal");
    }

    /**
     * Refuses a draft whose price catalogue does not read, or does not price a server type that an environment of
     * the draft uses. A draft without a catalogue is not refused here: the sizing rules that need prices then deny
     * every topology change they would judge.
     *
     * @param git the repository
     * @param draft the draft (or recorded) commit
     * @return the refusal, or empty when the catalogue is absent or usable
     */
    static Optional<Ruling> broken(GitStore git, CommitId draft) {
        Optional<byte[]> text = git.read(draft, PricingFile.PATH);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Pricing pricing;
        try {
            pricing = Pricing.parse(new String(text.get(), StandardCharsets.UTF_8), PricingFile.PATH);
        } catch (StackException e) {
            return RecordScope.deny(
                    "the draft's " + PricingFile.PATH + " is not a valid price catalogue: " + e.getMessage());
        }
        return unpriced(git, draft, pricing).flatMap(RecordScope::deny);
    }

    /** Names the first environment whose topology uses a server type the catalogue does not price. */
    private static Optional<String> unpriced(GitStore git, CommitId commit, Pricing pricing) {
        for (String name : PolicyChangeDecision.environments(git, commit)) {
            Optional<Environment> environment = RenderedLayout.environment(git, commit, name);
            try {
                TopologyCost.of(environment.map(Environment::topology).orElse(null), pricing);
            } catch (StackException e) {
                return Optional.of("the price catalogue " + PricingFile.PATH
                        + " does not price the topology of environment " + name + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
