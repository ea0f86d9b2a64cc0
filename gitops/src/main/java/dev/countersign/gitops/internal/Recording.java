package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Action;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.ProposalRecord.ApprovalRecord;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to record an approved proposal on the main line: re-evaluate policy at the current head,
 * rebase when main moved without touching the stack folder, otherwise mark the proposal conflicted, then
 * compare-and-swap main. A lost race is retried from the top, so nothing is lost or recorded twice.
 */
public final class Recording {
    private static final int ATTEMPTS = 20;

    private final Ledger ledger;
    private final GitStore git;

    /**
     * Creates the verb.
     *
     * @param ledger the ledger
     */
    public Recording(Ledger ledger) {
        this.ledger = ledger;
        this.git = ledger.git();
    }

    /**
     * Records an approved proposal on the main line, rebasing when main moved without overlap.
     *
     * @param id the proposal
     * @return the proposal: recorded, still approved (policy holds it, e.g. a freeze) or conflicted
     */
    public ProposalRecord record(String id) {
        return ledger.transact(() -> recordLocked(id));
    }

    ProposalRecord recordLocked(String id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ProposalRecord outcome = attempt(ledger.load(id));
            if (outcome != null) {
                return outcome;
            }
        }
        throw Ledger.lostRaces(id);
    }

    private @Nullable ProposalRecord attempt(Stored stored) {
        ProposalRecord r = stored.record();
        Deciding.requireOpen(r.state(), ProposalEvent.RECORD);
        ObjectId head = ledger.mainHead();
        Optional<ObjectId> already = findOnMain(r, head);
        if (already.isPresent()) {
            return finish(stored, recorded(r, already.get()), "found recorded");
        }
        Instant now = ledger.now();
        Authority authority = ledger.authorityAt(head);
        List<String> approvers =
                r.validApprovals().stream().map(ApprovalRecord::approver).toList();
        Ruling ruling = authority.decide(new Ask(Action.RECORD, Idents.RECORDER, null, r, approvers, now));
        ProposalRecord decided = r.with(ledger.decision(Action.RECORD, Idents.RECORDER, ruling, authority), null);
        if (ruling.verdict() == Verdict.DENY) {
            ledger.write(stored, decided, "record denied");
            throw ruling.refusal("record", Idents.RECORDER);
        }
        if (ruling.verdict() == Verdict.HOLD) {
            return finish(stored, decided.withState(r.state().next(ProposalEvent.RECORD, Verdict.HOLD)), "record held");
        }
        ObjectId base = ObjectId.fromString(r.baseCommit());
        String folder = r.isEnvironmentChange()
                ? "environment " + r.environment()
                : Layout.stackFolder(r.environment(), r.stack());
        if (!head.equals(base) && overlaps(r, base, head)) {
            return finish(stored, conflicted(r, authority, base, head, folder), "conflicted");
        }
        ObjectId commit = commit(r, head, approvers, authority, ruling, now);
        if (!git.compareAndSwap(Refs.MAIN, head, commit, "record " + r.id())) {
            return null;
        }
        return finish(stored, recorded(decided, commit), "recorded as " + commit.name());
    }

    private static ProposalRecord recorded(ProposalRecord r, ObjectId commit) {
        return r.recordedAs(commit.name()).withState(r.state().next(ProposalEvent.RECORD, Verdict.ALLOW));
    }

    private ProposalRecord conflicted(
            ProposalRecord r, Authority authority, ObjectId base, ObjectId head, String folder) {
        Ruling conflict = new Ruling(
                Verdict.ALLOW,
                "no-overlap",
                "main moved from " + base.name() + " to " + head.name() + " and changed " + folder
                        + ": the change needs a new proposal and a new review");
        return r.with(ledger.decision(Action.RECORD, Idents.RECORDER, conflict, authority), null)
                .withState(r.state().next(ProposalEvent.CONFLICT, Verdict.ALLOW));
    }

    private ProposalRecord finish(Stored stored, ProposalRecord next, String event) {
        return ledger.writeOrFail(stored, next, event);
    }

    private Optional<ObjectId> findOnMain(ProposalRecord r, ObjectId head) {
        return git.firstParentLine(head, ObjectId.fromString(r.baseCommit())).stream()
                .filter(c -> c.trailers().all(Trailers.PROPOSAL).contains(r.id()))
                .map(CommitInfo::id)
                .findFirst();
    }

    /**
     * Tells whether main moved under the proposal: it changed the stack folder, the stack's rendered files,
     * the environment or the sops rules (both feed the rendering), or a shared path the draft writes otherwise.
     * An environment change re-renders every stack of its environment, so anything main changed in the
     * environment's region (a stack recorded, another environment change) or in the sops rules overlaps it.
     */
    private boolean overlaps(ProposalRecord r, ObjectId base, ObjectId head) {
        if (r.isEnvironmentChange()) {
            return git.changedPaths(base, head).stream()
                    .anyMatch(path ->
                            EnvironmentChange.inRegion(r.environment(), path) || path.equals(Layout.SOPS_CONFIG));
        }
        String folder = Layout.stackFolder(r.environment(), r.stack());
        return git.changedPaths(base, head).stream()
                .anyMatch(path -> path.startsWith(folder + "/")
                        || RenderedLayout.owns(r.environment(), r.stack(), path)
                        || path.equals(Layout.environmentFile(r.environment()))
                        || path.equals(Layout.SOPS_CONFIG)
                        || (r.changedPaths().contains(path)
                                && !java.util.Arrays.equals(
                                        git.read(head, path).orElse(null),
                                        git.read(draft(r), path).orElse(null))));
    }

    private ObjectId commit(
            ProposalRecord r, ObjectId head, List<String> approvers, Authority authority, Ruling ruling, Instant now) {
        ObjectId tree = git.writeTree(head, draftEdits(r));
        String hash = ContentHash.of(
                r.isEnvironmentChange()
                        ? EnvironmentChange.region(git, tree, r.environment())
                        : RenderedLayout.hashed(git, tree, r.environment(), r.stack()));
        if (!hash.equals(r.contentHash())) {
            throw new GitOpsException("content of " + r.id() + " on " + head.name() + " hashes to " + hash
                    + ", not the approved " + r.contentHash() + ": refusing to record");
        }
        String message = trailers(r, approvers, authority, ruling).appendTo(subject(r));
        return git.commit(tree, List.of(head), Idents.of(r.proposer(), now), Idents.of(Idents.RECORDER, now), message);
    }

    private ObjectId draft(ProposalRecord r) {
        return ObjectId.fromString(r.draftCommit());
    }

    private Map<String, byte @Nullable []> draftEdits(ProposalRecord r) {
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        for (String path : r.changedPaths()) {
            edits.put(path, git.read(draft(r), path).orElse(null));
        }
        return edits;
    }

    private static Trailers trailers(ProposalRecord r, List<String> approvers, Authority authority, Ruling ruling) {
        Trailers.Builder trailers = Trailers.builder()
                .add(Trailers.PROPOSAL, r.id())
                .add(Trailers.ENVIRONMENT, r.environment())
                .add(
                        r.isEnvironmentChange() ? Trailers.SUBJECT : Trailers.STACK,
                        r.isEnvironmentChange() ? Trailers.ENVIRONMENT_SUBJECT : r.stack())
                .add(Trailers.PROPOSED_BY, r.proposer());
        if (r.onBehalfOf() != null) {
            trailers.add(Trailers.ON_BEHALF_OF, r.onBehalfOf());
        }
        approvers.forEach(approver -> trailers.add(Trailers.APPROVED_BY, approver));
        ApprovalSignatures.addTrailers(r, trailers);
        trailers.add(Trailers.CONTENT_HASH, r.contentHash())
                .add(Trailers.POLICY, authority.policyHash())
                .add(Trailers.DECISION, "allow by " + ruling.rule());
        if (r.reverts() != null) {
            trailers.add(Trailers.REVERTS, r.reverts());
        }
        return trailers.build();
    }

    private static String subject(ProposalRecord r) {
        String line = r.rationale().strip().lines().findFirst().orElse("change");
        return r.subject() + ": " + line;
    }
}
