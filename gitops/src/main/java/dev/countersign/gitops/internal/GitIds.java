package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import org.eclipse.jgit.lib.ObjectId;

/** Converts commit ids between the domain's {@link CommitId} and JGit's {@link ObjectId}: the one place. */
public final class GitIds {
    private GitIds() {}

    /**
     * Converts to JGit.
     *
     * @param id the commit id
     * @return the object id
     */
    public static ObjectId of(CommitId id) {
        return ObjectId.fromString(id.name());
    }

    /**
     * Converts from JGit.
     *
     * @param id the object id of a commit
     * @return the commit id
     */
    public static CommitId id(ObjectId id) {
        return new CommitId(id.name());
    }

    /**
     * Returns the commit holding a proposal's draft.
     *
     * @param proposal the proposal, once proposed
     * @return the draft commit
     * @throws GitOpsException if the draft is not written yet
     */
    public static ObjectId draft(Proposal proposal) {
        CommitId draft = proposal.progress().draft();
        if (draft == null) {
            throw new GitOpsException("proposal " + proposal.id() + " has no draft commit");
        }
        return of(draft);
    }
}
