package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Trailers;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time checks of one record on the main line: a record is never dated before the commit it follows, its
 * proposal's base or any approval it counts, and no approval is dated before its proposal. A host clock set
 * back, or a commit re-dated after the fact, shows here.
 */
final class TimeCheck {
    private final GitStore git;
    private final CommitInfo commit;
    private final List<Finding> findings = new ArrayList<>();

    private TimeCheck(GitStore git, CommitInfo commit) {
        this.git = git;
        this.commit = commit;
    }

    /**
     * Checks the times of a main-line commit that records a proposal.
     *
     * @param git the repository
     * @param store the proposal metadata
     * @param commit the commit
     * @return the findings, empty for a commit that records no single proposal
     */
    static List<Finding> run(GitStore git, ProposalStore store, CommitInfo commit) {
        Optional<String> id = commit.trailers().single(Trailers.PROPOSAL);
        if (commit.parents().size() != 1 || id.isEmpty()) {
            return List.of();
        }
        TimeCheck check = new TimeCheck(git, commit);
        check.notBefore(commit.parents().get(0), "the commit it follows");
        store.load(id.get()).map(ProposalStore.Stored::proposal).ifPresent(check::againstProposal);
        return check.findings;
    }

    private void againstProposal(Proposal r) {
        if (!r.header().base().equals(commit.parents().get(0))) {
            notBefore(r.header().base(), "the base of proposal " + r.id());
        }
        List<String> counted = commit.trailers().all(Trailers.APPROVED_BY);
        for (Countersignature approval : r.approvals()) {
            String approver = approval.approver().name();
            if (approval.at().isBefore(r.createdAt())) {
                add(
                        "approval-before-proposal",
                        "the approval of " + r.id() + " by " + approver + " is dated " + approval.at()
                                + ", before the proposal was made at " + r.createdAt());
            }
            if (counted.contains(approver) && approval.binds(r.header()) && isBefore(approval.at())) {
                add(
                        "record-before-approval",
                        "the record of " + r.id() + " is dated " + commit.committedAt() + ", before the approval by "
                                + approver + " at " + approval.at());
            }
        }
    }

    private void notBefore(CommitId earlier, String what) {
        Instant at = git.commitInfo(earlier).committedAt();
        if (isBefore(at)) {
            add(
                    "record-before-base",
                    "the record is dated " + commit.committedAt() + ", before " + what + " (" + earlier.name() + ") at "
                            + at);
        }
    }

    /** Git keeps whole seconds: a record is early only if it precedes the second the other time falls in. */
    private boolean isBefore(Instant other) {
        return commit.committedAt().isBefore(other.truncatedTo(ChronoUnit.SECONDS));
    }

    private void add(String rule, String message) {
        findings.add(new Finding(commit.id().name(), rule, message));
    }
}
