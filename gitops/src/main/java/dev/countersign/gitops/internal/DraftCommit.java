package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;

/** The commit holding a proposal's draft, for the code that reads the draft. */
public final class DraftCommit {
    private DraftCommit() {}

    /**
     * Returns the commit holding a proposal's draft.
     *
     * @param proposal the proposal, once proposed
     * @return the draft commit
     * @throws GitOpsException if the draft is not written yet
     */
    public static CommitId of(Proposal proposal) {
        CommitId draft = proposal.progress().draft();
        if (draft == null) {
            throw new GitOpsException("proposal " + proposal.id() + " has no draft commit");
        }
        return draft;
    }
}
