package dev.countersign.gitops;

/** Thrown when an event is not allowed in a proposal's current state, whatever the policy says. */
public final class IllegalTransitionException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /** The state the proposal was in. */
    private final ProposalState state;
    /** The refused event. */
    private final ProposalEvent event;

    /**
     * Creates the exception for a state and the event it cannot take.
     *
     * @param state the current state
     * @param event the refused event
     */
    public IllegalTransitionException(ProposalState state, ProposalEvent event) {
        super("cannot " + event.name().toLowerCase(java.util.Locale.ROOT) + " a proposal in state " + state
                + (state.isTerminal() ? ": the state is final" : ": not a transition of the proposal lifecycle"));
        this.state = state;
        this.event = event;
    }

    /**
     * Returns the state the proposal was in.
     *
     * @return the current state
     */
    public ProposalState state() {
        return state;
    }

    /**
     * Returns the event that was refused.
     *
     * @return the event
     */
    public ProposalEvent event() {
        return event;
    }
}
