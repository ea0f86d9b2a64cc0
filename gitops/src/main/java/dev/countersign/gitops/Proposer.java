package dev.countersign.gitops;

import dev.countersign.gitops.internal.Engine;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * The handle of a principal who proposes, typically an agent: it can propose, revise, withdraw and read,
 * and has no method to approve or record. Policy checks the same again for every action. Thread-safe.
 */
public final class Proposer {
    private final GitOpsRepository repository;
    private final Engine engine;
    private final Principal principal;

    Proposer(GitOpsRepository repository, Engine engine, Principal principal) {
        this.repository = repository;
        this.engine = engine;
        this.principal = principal;
    }

    /**
     * Returns the principal this handle acts as.
     *
     * @return the principal
     */
    public Principal principal() {
        return principal;
    }

    /**
     * Proposes a new version of a stack for an environment, based on what {@code main} records now.
     *
     * @param environment the environment
     * @param stack the complete new version of the stack
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal, naming the rule
     * @throws InvalidProposalException if a name could escape its folder or nothing changes
     * @throws dev.countersign.stack.StackException if the stack does not render for the environment
     */
    public Proposal propose(String environment, Stack stack, String rationale, List<String> evidence) {
        SortedMap<String, byte[]> files =
                StackLayout.files(stack, StackLayout.environment(engine.git(), engine.mainHead(), environment));
        return Views.proposal(engine.propose(new Engine.Draft(
                principal.name(), delegator(), environment, stack.name(), files, rationale, evidence, null)));
    }

    /**
     * Revises a proposal: the new version becomes a new proposal revision; the old one is superseded and
     * its approvals are void.
     *
     * @param id the proposal to revise; must be this principal's
     * @param stack the complete new version of the stack
     * @return the new revision
     */
    public Proposal revise(String id, Stack stack) {
        Proposal old = repository.proposal(id);
        SortedMap<String, byte[]> files =
                StackLayout.files(stack, StackLayout.environment(engine.git(), engine.mainHead(), old.environment()));
        return Views.proposal(engine.revise(id, principal.name(), files));
    }

    /**
     * Withdraws a proposal.
     *
     * @param id the proposal; must be this principal's
     * @return the withdrawn proposal
     */
    public Proposal withdraw(String id) {
        return Views.proposal(engine.withdraw(id, principal.name()));
    }

    /**
     * Proposes the revert of a recorded change, to be approved and recorded like any change.
     *
     * @param commit the recorded commit to revert
     * @param rationale why
     * @return the revert proposal
     */
    public Proposal proposeRevert(String commit, String rationale) {
        return Views.proposal(engine.proposeRevert(commit, principal.name(), delegator(), rationale));
    }

    /**
     * Reads a proposal.
     *
     * @param id the proposal id
     * @return its snapshot
     */
    public Proposal proposal(String id) {
        return repository.proposal(id);
    }

    /**
     * Reads the review of a proposal.
     *
     * @param id the proposal id
     * @return the review
     */
    public Review review(String id) {
        return repository.review(id);
    }

    private @Nullable String delegator() {
        Principal onBehalfOf = principal.onBehalfOf();
        return onBehalfOf == null ? null : onBehalfOf.name();
    }
}
