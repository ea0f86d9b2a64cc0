package dev.countersign.gitops;

import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.policy.Principal;

/**
 * The handle of a human reviewer: approve, reject and record. Approving binds the proposal's id, content
 * hash and base, and records at once when policy allows. Thread-safe.
 */
public final class Reviewer {
    private final Lifecycle lifecycle;
    private final Reading reading;
    private final Principal principal;

    Reviewer(Lifecycle lifecycle, Reading reading, Principal principal) {
        this.lifecycle = lifecycle;
        this.reading = reading;
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
        return lifecycle.deciding().approve(id, principal);
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
        return lifecycle.deciding().approve(id, principal, approverKey.signer());
    }

    /**
     * Rejects a proposal.
     *
     * @param id the proposal id
     * @param reason why, stored with the decision
     * @return the rejected proposal
     */
    public Proposal reject(String id, String reason) {
        return lifecycle.deciding().reject(id, principal, reason);
    }

    /**
     * Records an approved proposal whose record policy held, as this reviewer: policy must grant them the
     * {@code record} action.
     *
     * @param id the proposal id
     * @return the proposal: recorded, still approved, or conflicted
     * @throws ActionDeniedException if policy denies this reviewer the record
     */
    public Proposal record(String id) {
        return lifecycle.recording().record(id, principal);
    }

    /**
     * Reads the review of a proposal.
     *
     * @param id the proposal id
     * @return the review
     */
    public Review review(String id) {
        return reading.review(id);
    }
}
