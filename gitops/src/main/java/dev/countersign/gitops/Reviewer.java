package dev.countersign.gitops;

import dev.countersign.gitops.internal.Engine;
import dev.countersign.policy.Principal;

/**
 * The handle of a human reviewer: approve, reject and record. Approving binds the proposal's id, content
 * hash and base, and records at once when policy allows. Thread-safe.
 */
public final class Reviewer {
    private final GitOpsRepository repository;
    private final Engine engine;
    private final Principal principal;

    Reviewer(GitOpsRepository repository, Engine engine, Principal principal) {
        this.repository = repository;
        this.engine = engine;
        this.principal = principal;
    }

    /**
     * Returns the principal this handle acts as.
     *
     * @return the reviewer
     */
    public Principal principal() {
        return principal;
    }

    /**
     * Approves a proposal's current content; records it when the approvals suffice and policy allows.
     *
     * @param id the proposal id
     * @return the proposal: still proposed (more approvals needed), approved (record held) or recorded
     * @throws ActionDeniedException if this reviewer may not approve it, naming the rule
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public Proposal approve(String id) {
        return Views.proposal(engine.approve(id, principal.name()));
    }

    /**
     * Approves a proposal's current content with a signature by the approver's own key, which {@link
     * GitOpsRepository#verifyWith(VerifyOptions) verify} checks against {@link ApproverKeys}; records it when
     * the approvals suffice and policy allows. The key signs a statement binding the proposal id, its
     * environment and stack, its content hash, this reviewer and the decision; the signature is stored with
     * the approval and carried into the record commit.
     *
     * @param id the proposal id
     * @param approverKey this reviewer's own unlocked key
     * @return the proposal: still proposed (more approvals needed), approved (record held) or recorded
     * @throws ActionDeniedException if this reviewer may not approve it, naming the rule
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public Proposal approve(String id, SigningKey approverKey) {
        return Views.proposal(engine.approve(id, principal.name(), approverKey.signer()));
    }

    /**
     * Rejects a proposal.
     *
     * @param id the proposal id
     * @param reason why, stored with the decision
     * @return the rejected proposal
     */
    public Proposal reject(String id, String reason) {
        return Views.proposal(engine.reject(id, principal.name(), reason));
    }

    /**
     * Records an approved proposal whose record policy held.
     *
     * @param id the proposal id
     * @return the proposal: recorded, still approved, or conflicted
     */
    public Proposal record(String id) {
        return repository.record(id);
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
}
