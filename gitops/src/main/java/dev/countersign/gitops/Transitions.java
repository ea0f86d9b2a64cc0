package dev.countersign.gitops;

import org.jspecify.annotations.Nullable;

/**
 * The proposal lifecycle's state machine: a pure function of a {@link ProposalState}, a {@link ProposalEvent}
 * and the policy {@link Verdict} on that event. Persistence and Git are adapters around it.
 */
public final class Transitions {
    private Transitions() {}

    /**
     * Tells whether a state takes an event at all, whatever policy then decides.
     *
     * @param state the current state
     * @param event what would happen
     * @return false when {@link #next(ProposalState, ProposalEvent, Verdict)} would throw
     */
    public static boolean takes(ProposalState state, ProposalEvent event) {
        return target(state, event, Verdict.ALLOW) != null;
    }

    /**
     * Computes the state after an event, given the policy verdict on it.
     *
     * <p>A {@link Verdict#DENY denied} event leaves the state unchanged; a {@link Verdict#HOLD held} one
     * takes effect without advancing (an approval that is not yet enough, a record during a freeze).
     *
     * @param state the current state
     * @param event what happened
     * @param verdict the policy verdict on the event
     * @return the next state
     * @throws IllegalTransitionException if the event is not allowed in this state at all
     */
    public static ProposalState next(ProposalState state, ProposalEvent event, Verdict verdict) {
        ProposalState target = target(state, event, verdict);
        if (target == null) {
            throw new IllegalTransitionException(state, event);
        }
        return target;
    }

    private static @Nullable ProposalState target(ProposalState state, ProposalEvent event, Verdict verdict) {
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
