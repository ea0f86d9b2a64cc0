package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Transitions;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import java.util.Map;

/**
 * Repairs a repository after a writer was killed mid-action, so that no approval is lost and nothing is
 * recorded twice. Each action's writes are ordered so that every prefix of them is repairable:
 *
 * <ul>
 *   <li>propose writes the draft branch, then the metadata: a draft branch without metadata is an
 *       interrupted proposal, and is rolled back (the branch deleted);
 *   <li>record moves {@code main}, then the metadata: an approved proposal whose id is in a trailer on
 *       {@code main} is an interrupted record, and is completed (marked recorded as that commit);
 *   <li>revise writes the new revision, then supersedes the old one: a revision whose predecessor is not
 *       superseded is an interrupted revision, and is completed.
 * </ul>
 *
 * <p>Runs holding the repository lock, so no live writer is mid-action meanwhile.
 */
public final class Recovery {
    private final Ledger ledger;
    private final GitStore git;
    private final Recording recording;

    /**
     * Creates the repair.
     *
     * @param ledger the ledger
     * @param recording the recording an interrupted record is completed with
     */
    public Recovery(Ledger ledger, Recording recording) {
        this.ledger = ledger;
        this.git = ledger.git();
        this.recording = recording;
    }

    /**
     * Repairs what a crashed writer left behind, as every open does: stale ref lock files are removed, an
     * interrupted proposal is rolled back and an interrupted record or revision is completed.
     *
     * @return how many proposals were repaired
     */
    public int recover() {
        return ledger.repairing(this::run);
    }

    private int run() {
        int repaired = rollBackOrphanDrafts();
        if (git.resolve(Refs.MAIN).isEmpty()) {
            return repaired;
        }
        // the index gives every proposal's state without parsing the metadata of those that ended
        java.util.SortedMap<String, ProposalIndex.Entry> proposals = ledger.indexed();
        for (ProposalIndex.Entry r : proposals.values()) {
            if (r.state() == ProposalState.APPROVED
                    && onMain(ledger.load(r.id()).proposal())) {
                recording.recordLocked(r.id(), Idents.RECORDER);
                repaired++;
            }
            String supersedes = r.supersedes();
            ProposalIndex.Entry older = supersedes == null ? null : proposals.get(supersedes);
            if (older != null && !older.state().isTerminal() && completeRevision(older.id(), r.id())) {
                repaired++;
            }
        }
        return repaired;
    }

    private int rollBackOrphanDrafts() {
        Map<String, CommitId> proposals = git.refs(Refs.PROPOSALS);
        int rolledBack = 0;
        for (Map.Entry<String, CommitId> draft : git.refs(Refs.DRAFTS).entrySet()) {
            String id = draft.getKey().substring(Refs.DRAFTS.length());
            if (!proposals.containsKey(Refs.proposal(id))) {
                delete(draft.getKey(), draft.getValue());
                rolledBack++;
            }
        }
        return rolledBack;
    }

    private boolean onMain(Proposal r) {
        CommitId head = ledger.mainHead();
        return git.firstParentLine(head, r.header().base()).stream()
                .anyMatch(c -> c.trailers().all(Trailers.PROPOSAL).contains(r.id()));
    }

    private boolean completeRevision(String older, String newer) {
        ProposalStore.Stored stored = ledger.find(older).orElse(null);
        if (stored == null || stored.proposal().state().isTerminal()) {
            return false;
        }
        Proposal r = stored.proposal();
        Proposal superseded = r.with(
                r.progress().supersededBy(newer).in(Transitions.next(r.state(), ProposalEvent.REVISE, Verdict.ALLOW)));
        ledger.writeOrFail(stored, superseded, "superseded by " + newer);
        return true;
    }

    private void delete(String ref, CommitId expected) {
        if (!git.delete(ref, expected)) {
            throw new GitOpsException("cannot roll back the interrupted proposal " + ref);
        }
    }
}
