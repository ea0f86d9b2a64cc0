package dev.countersign.gitops;

import java.util.Set;

/**
 * What an approval did: the proposal as it left it, the approvals counted and those still missing, and
 * whether the proposal is now approved or even recorded. Returned by {@link Reviewer#submitApproval(String)}, so
 * that a caller need not inspect the proposal's state to tell. Immutable.
 *
 * @param proposal the proposal after the approval
 * @param approvals how many valid approvals its current revision holds, this one included
 * @param missingApprovals how many more approvals policy needs before it may be recorded; zero once approved
 * @param approverRoles the roles whose holders' approvals would count, while approvals are missing; else empty
 * @param explanation policy's explanation of the last decision on the proposal, for example {@code 1 of 2
 *     required approvals from [approver]: alice}, or why a record is held (a freeze)
 */
public record ApprovalOutcome(
        Proposal proposal, int approvals, int missingApprovals, Set<String> approverRoles, String explanation) {

    /**
     * Checks the counts and copies the roles.
     *
     * @param proposal see the record component
     * @param approvals see the record component
     * @param missingApprovals see the record component
     * @param approverRoles see the record component
     * @param explanation see the record component
     * @throws IllegalArgumentException if a count is negative
     */
    public ApprovalOutcome {
        if (approvals < 0 || missingApprovals < 0) {
            throw new IllegalArgumentException(
                    "approval counts " + approvals + " and " + missingApprovals + " must not be negative");
        }
        approverRoles = Set.copyOf(approverRoles);
    }

    /**
     * Returns how many approvals the proposal needs in all: those counted and those still missing.
     *
     * @return {@code approvals() + missingApprovals()}
     */
    public int approvalsNeeded() {
        return approvals + missingApprovals;
    }

    /**
     * Tells whether the proposal has enough approvals: it is {@link ProposalState#APPROVED approved} (its record
     * held, for example by a freeze) or already {@link ProposalState#RECORDED recorded}.
     *
     * @return true once no approval is missing
     */
    public boolean isApproved() {
        return state() == ProposalState.APPROVED || isRecorded();
    }

    /**
     * Tells whether the approval recorded the proposal on {@code main}: the approvals sufficed and policy
     * allowed the record at once.
     *
     * @return true when recorded
     */
    public boolean isRecorded() {
        return state() == ProposalState.RECORDED;
    }

    /**
     * Returns the state the approval left the proposal in.
     *
     * @return {@link ProposalState#PROPOSED} (more approvals needed), {@link ProposalState#APPROVED} (record
     *     held), {@link ProposalState#RECORDED}, or {@link ProposalState#CONFLICTED} if {@code main} moved over it
     */
    public ProposalState state() {
        return proposal.state();
    }
}
