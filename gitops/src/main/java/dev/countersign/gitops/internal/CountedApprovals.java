package dev.countersign.gitops.internal;

import dev.countersign.gitops.Countersignature;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Principal;
import java.util.List;

/**
 * The approvals a question to policy counts, each with the content hash its approver approved: the hash the
 * approval recorded, never the one the proposal names now, so the policy's own {@code approval-hash} rule
 * judges every approval it is shown.
 */
final class CountedApprovals {
    private CountedApprovals() {}

    /**
     * The recorded approvals, each for the content hash it was given for.
     *
     * @param approvals the approvals as recorded
     * @return one policy approval each, in the same order
     */
    static List<Approval> of(List<Countersignature> approvals) {
        return approvals.stream().map(CountedApprovals::of).toList();
    }

    /**
     * One recorded approval, for the content hash it was given for.
     *
     * @param approval the approval as recorded
     * @return the policy approval
     */
    static Approval of(Countersignature approval) {
        return new Approval(approval.approver(), approval.contentHash());
    }

    /**
     * The approvers a record commit names, each for the content hash the commit records: what the approvers'
     * signed statements over the commit's trailers bind.
     *
     * @param approvers the approvers named
     * @param contentHash the content hash named with them
     * @return one policy approval each, in the same order
     */
    static List<Approval> attested(List<Principal> approvers, String contentHash) {
        return approvers.stream().map(a -> new Approval(a, contentHash)).toList();
    }

    /**
     * The approvers of approvals, in order.
     *
     * @param approvals the approvals
     * @return who gave each
     */
    static List<Principal> approvers(List<Approval> approvals) {
        return approvals.stream().map(Approval::approver).toList();
    }
}
