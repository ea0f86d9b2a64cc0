package dev.countersign.gitops;

import dev.countersign.gitops.internal.ApprovalTally;
import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.ApprovalProof;
import dev.countersign.signatures.keys.SigningKey;
import java.util.List;

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
     * Approves a proposal's current content; records it when the approvals suffice and policy allows. {@link
     * #submitApproval(String)} does the same and tells what happened.
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
        return approve(id, ApprovalProof.signedWith(approverKey));
    }

    /**
     * Approves a proposal's current content with a proof that the approval is this reviewer's: a signature
     * over {@link #approvalStatement(String)} by one of their keys; records it when the approvals suffice and
     * policy allows. Where the environment requires signed approvals ({@code approvals.signed: true}), the
     * signature must be by a key the policy registers for this reviewer ({@code spec.approverKeys}), else the
     * approval is refused naming the rule {@code signed-approvals} and nothing is written.
     *
     * @param id the proposal id
     * @param proof how this reviewer signs, or the signature they made elsewhere
     * @return the proposal: still proposed (more approvals needed), approved (record held) or recorded
     * @throws ActionDeniedException if this reviewer may not approve it, or the proof does not hold, naming the
     *     rule
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public Proposal approve(String id, ApprovalProof proof) {
        return lifecycle.deciding().approve(id, principal, proof::sign);
    }

    /**
     * Approves a proposal's current content, like {@link #approve(String)}, and tells what the approval did:
     * the approvals counted and still missing, and whether the proposal is now approved or recorded.
     *
     * @param id the proposal id
     * @return the outcome, with the proposal as the approval left it
     * @throws ActionDeniedException if this reviewer may not approve it, naming the rule
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public ApprovalOutcome submitApproval(String id) {
        return outcome(approve(id));
    }

    /**
     * Approves a proposal's current content with a proof that the approval is this reviewer's, like {@link
     * #approve(String, ApprovalProof)}, and tells what the approval did.
     *
     * @param id the proposal id
     * @param proof how this reviewer signs, or the signature they made elsewhere
     * @return the outcome, with the proposal as the approval left it
     * @throws ActionDeniedException if this reviewer may not approve it, or the proof does not hold, naming the
     *     rule
     * @throws IllegalTransitionException if the proposal is not open for approval
     */
    public ApprovalOutcome submitApproval(String id, ApprovalProof proof) {
        return outcome(approve(id, proof));
    }

    private ApprovalOutcome outcome(Proposal approved) {
        return ApprovalTally.of(lifecycle.ledger(), approved, principal);
    }

    /**
     * Returns the exact bytes this reviewer signs to approve a proposal's current revision: the approval
     * statement, UTF-8 text that names the proposal, what it changes, its content hash and this reviewer.
     * Sign them with {@code ssh-keygen -Y sign -n countersign} (or {@code gpg --detach-sign}) and hand the
     * signature to {@link #approve(String, ApprovalProof)} as {@link ApprovalProof#detached(byte[])}.
     *
     * @param id the proposal id
     * @return the statement bytes
     * @throws UnknownProposalException if there is no such proposal
     */
    public byte[] approvalStatement(String id) {
        return lifecycle.deciding().statement(id, principal);
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
     * Records every approved proposal as this reviewer, in one transaction (group commit): in the order they were
     * proposed, each decided by policy like {@link #record(String)} and recorded as its own commit with its own
     * trailers; in remote mode they all reach the server in one fetch and one atomic push. A proposal whose record
     * policy holds (e.g. a freeze) stays approved, one it denies stays approved with the denial as its last
     * decision, one that overlaps a change recorded since its base becomes conflicted.
     *
     * @return the outcome of each proposal that was approved, in the order recorded; empty when none was
     */
    public List<Proposal> recordApproved() {
        return lifecycle.recording().recordApproved(principal);
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
