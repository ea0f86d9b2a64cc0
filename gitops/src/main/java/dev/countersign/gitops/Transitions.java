package dev.countersign.gitops;

import org.jspecify.annotations.Nullable;

/** The transition table of {@link ProposalState}; package-private so the enum stays the one entry point. */
final class Transitions {
    private Transitions() {}

    static @Nullable ProposalState target(ProposalState state, ProposalEvent event, Verdict verdict) {
        ProposalState allowed = allowedTarget(state, event, verdict);
        if (allowed == null || verdict == Verdict.DENY) {
            return allowed == null ? null : state;
        }
        return allowed;
    }

    private static @Nullable ProposalState allowedTarget(ProposalState state, ProposalEvent event, Verdict verdict) {
        return switch (state) {
            case DRAFT -> fromDraft(event);
            case PROPOSED -> fromProposed(event, verdict);
            case APPROVED -> fromApproved(event, verdict);
            default -> null;
        };
    }

    private static @Nullable ProposalState fromDraft(ProposalEvent event) {
        return switch (event) {
            case PROPOSE -> ProposalState.PROPOSED;
            case WITHDRAW -> ProposalState.WITHDRAWN;
            default -> null;
        };
    }

    private static @Nullable ProposalState fromProposed(ProposalEvent event, Verdict verdict) {
        if (event == ProposalEvent.APPROVE) {
            return verdict == Verdict.ALLOW ? ProposalState.APPROVED : ProposalState.PROPOSED;
        }
        return common(event);
    }

    private static @Nullable ProposalState fromApproved(ProposalEvent event, Verdict verdict) {
        return switch (event) {
            case APPROVE -> ProposalState.APPROVED;
            case RECORD -> verdict == Verdict.ALLOW ? ProposalState.RECORDED : ProposalState.APPROVED;
            case CONFLICT -> ProposalState.CONFLICTED;
            default -> common(event);
        };
    }

    private static @Nullable ProposalState common(ProposalEvent event) {
        return switch (event) {
            case REJECT -> ProposalState.REJECTED;
            case WITHDRAW -> ProposalState.WITHDRAWN;
            case REVISE -> ProposalState.SUPERSEDED;
            default -> null;
        };
    }
}
