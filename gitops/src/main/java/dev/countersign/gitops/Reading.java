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
        return ledger.list().stream()
                .filter(r -> state == null || r.state() == state)
                .toList();
    }

    Review review(String id) {
        return Reviews.of(ledger.git(), ledger.get(id));
    }

    EnvironmentReview environmentReview(String id) {
        return Reviews.ofEnvironment(ledger.git(), ledger.get(id));
    }
}
