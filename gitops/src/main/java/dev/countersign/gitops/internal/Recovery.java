package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.ProposalState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;

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
final class Recovery {
    private final Engine engine;
    private final GitStore git;
    private final Clock clock;

    Recovery(Engine engine, GitStore git, Clock clock) {
        this.engine = engine;
        this.git = git;
        this.clock = clock;
    }

    /**
     * Removes the lock files a killed JGit or git process left on refs, which would block every later update
     * of those refs.
     *
     * @param gitDirectory the Git directory
     */
    static void clearStaleLocks(Path gitDirectory) {
        Path refs = gitDirectory.resolve("refs");
        try {
            Files.deleteIfExists(gitDirectory.resolve("packed-refs.lock"));
            if (Files.isDirectory(refs)) {
                try (Stream<Path> files = Files.walk(refs)) {
                    for (Path file : files.filter(
                                    f -> f.getFileName().toString().endsWith(".lock"))
                            .toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new GitOpsException("cannot remove stale ref locks in " + gitDirectory + ": " + e.getMessage(), e);
        }
    }

    int run() {
        int repaired = rollBackOrphanDrafts();
        if (git.resolve(Refs.MAIN).isEmpty()) {
            return repaired;
        }
        for (ProposalRecord r : engine.store().all()) {
            if (r.state() == ProposalState.APPROVED && onMain(r)) {
                new Recording(engine, git, clock).record(r.id());
                repaired++;
            }
            if (r.supersedes() != null && completeRevision(r.supersedes(), r.id())) {
                repaired++;
            }
        }
        return repaired;
    }

    private int rollBackOrphanDrafts() {
        Map<String, ObjectId> proposals = git.refs(Refs.PROPOSALS);
        int rolledBack = 0;
        for (Map.Entry<String, ObjectId> draft : git.refs(Refs.DRAFTS).entrySet()) {
            String id = draft.getKey().substring(Refs.DRAFTS.length());
            if (!proposals.containsKey(Refs.proposal(id))) {
                delete(draft.getKey(), draft.getValue());
                rolledBack++;
            }
        }
        return rolledBack;
    }

    private boolean onMain(ProposalRecord r) {
        ObjectId head = engine.mainHead();
        return git.firstParentLine(head, ObjectId.fromString(r.baseCommit())).stream()
                .anyMatch(c -> c.trailers().all(Trailers.PROPOSAL).contains(r.id()));
    }

    private boolean completeRevision(String older, String newer) {
        Optional<ProposalStore.Stored> stored = engine.store().load(older);
        if (stored.isEmpty() || stored.get().record().state().isTerminal()) {
            return false;
        }
        engine.writeOrFail(stored.get(), stored.get().record().supersededBy(newer), "superseded by " + newer);
        return true;
    }

    private void delete(String ref, ObjectId expected) {
        try {
            RefUpdate update = git.repository().updateRef(ref);
            update.setExpectedOldObjectId(expected);
            update.setForceUpdate(true);
            List<RefUpdate.Result> ok = List.of(RefUpdate.Result.FORCED, RefUpdate.Result.NO_CHANGE);
            if (!ok.contains(update.delete())) {
                throw new GitOpsException("cannot roll back the interrupted proposal " + ref);
            }
        } catch (IOException e) {
            throw new GitOpsException("cannot roll back the interrupted proposal " + ref + ": " + e.getMessage(), e);
        }
    }
}
