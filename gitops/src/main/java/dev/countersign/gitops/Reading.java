package dev.countersign.gitops;

import dev.countersign.gitops.internal.Ledger;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The reads every handle shares: a proposal, the list, and the review of one, each fresh from the remote. */
final class Reading {
    private final Ledger ledger;

    Reading(Ledger ledger) {
        this.ledger = ledger;
    }

    Proposal proposal(String id) {
        return ledger.get(id);
    }

    List<Proposal> proposals(@Nullable ProposalState state) {
        if (state != null) {
            return state.isTerminal()
                    ? ledger.page(state, null, Integer.MAX_VALUE)
                    : ledger.open().stream().filter(r -> r.state() == state).toList();
        }
        return ledger.list().stream()
                .filter(r -> state == null || r.state() == state)
                .toList();
    }

    List<Proposal> open() {
        return ledger.open();
    }

    List<Proposal> page(@Nullable ProposalState state, @Nullable String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one proposal, not " + limit);
        }
        return ledger.page(state, after, limit);
    }

    Review review(String id) {
        return Reviews.of(ledger.git(), ledger.get(id));
    }

    dev.countersign.gitops.content.ContentView content(String id) {
        Proposal r = ledger.get(id);
        return dev.countersign.gitops.internal.content.ContentReading.of(ledger.git(), r, Reviews.of(ledger.git(), r));
    }

    EnvironmentReview environmentReview(String id) {
        return Reviews.ofEnvironment(ledger.git(), ledger.get(id));
    }

    PolicyReview policyReview(String id) {
        Proposal r = ledger.get(id);
        if (!r.isPolicyChange()) {
            throw new InvalidProposalException(
                    "proposal " + id + " changes " + r.header().subject().describe() + ", not the policy");
        }
        var git = ledger.git();
        CommitId draft = dev.countersign.gitops.internal.DraftCommit.of(r);
        return new PolicyReview(
                r,
                dev.countersign.gitops.internal.PolicyDraft.at(git, r.header().base()),
                dev.countersign.gitops.internal.PolicyDraft.at(git, draft),
                dev.countersign.gitops.internal.PricingFile.at(git, r.header().base())
                        .orElse(null),
                dev.countersign.gitops.internal.PricingFile.at(git, draft).orElse(null));
    }
}
