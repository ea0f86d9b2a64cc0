package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.Transitions;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Records an approved proposal on the main line: re-evaluate policy at the current head, rebase when main
 * moved without touching what the proposal changes, otherwise mark the proposal conflicted, then
 * compare-and-swap main. A lost race is retried from the top, so nothing is lost or recorded twice.
 * Thread-safe.
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
     * Records an approved proposal on the main line, rebasing when main moved without overlap. The record is
     * asked by a named principal and decided by policy like every verb: an agent never records, and the
     * principal needs the {@code record} action in the proposal's environment.
     *
     * @param id the proposal
     * @param principal who records: a human or a service
     * @return the proposal: recorded, still approved (policy holds it, e.g. a freeze) or conflicted
     * @throws dev.countersign.gitops.ActionDeniedException if policy denies the principal the record
     */
    public Proposal record(String id, Principal principal) {
        return ledger.transact(() -> recordLocked(id, principal));
    }

    /**
     * Records every approved proposal in one transaction (group commit): in the order they were proposed, each
     * decided by policy and recorded as its own commit with its own trailers, rebased on the one before when they
     * do not overlap; in remote mode all of them reach the server in one atomic push. A proposal whose record
     * policy holds (a freeze) stays approved; one it denies stays approved with the denial as its last decision;
     * one that overlaps a change recorded since its base becomes conflicted.
     *
     * @param principal who records: a human or a service
     * @return the outcome of each approved proposal, in the order recorded
     */
    public List<Proposal> recordApproved(Principal principal) {
        return ledger.transact(() -> {
            List<Proposal> outcomes = new ArrayList<>();
            List<Proposal> approved = ledger.openLocked().stream()
                    .filter(p -> p.state() == ProposalState.APPROVED)
                    .sorted(Comparator.comparing(Proposal::createdAt).thenComparing(Proposal::id))
                    .toList();
            for (Proposal p : approved) {
                try {
                    outcomes.add(recordLocked(p.id(), principal));
                } catch (ActionDeniedException e) {
                    outcomes.add(ledger.load(p.id()).proposal());
                }
            }
            return outcomes;
        });
    }

    Proposal recordLocked(String id, Principal principal) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Proposal outcome = attempt(ledger.load(id), principal);
            if (outcome != null) {
                return outcome;
            }
        }
        throw Ledger.lostRaces(id);
    }

    private @Nullable Proposal attempt(Stored stored, Principal principal) {
        Proposal r = stored.proposal();
        ContractRules.requireOpen(r.state(), ProposalEvent.RECORD);
        CommitId head = ledger.mainHead();
        Optional<CommitId> already = findOnMain(r, head);
        if (already.isPresent()) {
            return ledger.writeOrFail(stored, recorded(r, already.get()), "found recorded");
        }
        DraftEdits edits = DraftEdits.of(git, r, "record", principal.name());
        RenderedNames.requireFreeOnRecord(git, r, head, principal.name());
        Authority authority = ledger.authorityAt(head);
        RecordTime time = RecordTime.of(git, r, head, ledger.now());
        Ruling ruling = decide(
                authority, new Ask(Action.RECORD, principal, r, counted(r, authority, edits), time.clock()), time);
        Proposal decided =
                r.with(r.progress().decided(ledger.decision(Action.RECORD, principal, ruling, authority), null));
        if (ruling.verdict() != Verdict.ALLOW) {
            return notAllowed(stored, decided, ruling, principal);
        }
        RecordTrailers.Decision decision = new RecordTrailers.Decision(
                authority.policyHash(),
                ruling.rule(),
                principal,
                stored.version().name());
        return write(stored, decided, head, decision, time.at(), edits);
    }

    /** The approvals that count: valid, and signed over these edits where the policy asks. */
    private static List<Approval> counted(Proposal r, Authority authority, DraftEdits edits) {
        return CountedApprovals.of(r.validApprovals().stream()
                .filter(approval -> SignedApprovals.counts(approval, r, authority, edits.digest()))
                .toList());
    }

    /** Writes a denied record's decision and refuses it, or keeps a held one approved. */
    private Proposal notAllowed(Stored stored, Proposal decided, Ruling ruling, Principal principal) {
        if (ruling.verdict() == Verdict.DENY) {
            ledger.write(stored, decided, "record denied");
            throw ruling.refusal("record", principal.name());
        }
        ProposalState held = Transitions.next(stored.proposal().state(), ProposalEvent.RECORD, Verdict.HOLD);
        return ledger.writeOrFail(stored, decided.with(decided.progress().in(held)), "record held");
    }

    /**
     * Decides a record at the clock and, when the clock says earlier than the record's lower bound, again at
     * that bound: a host clock set back cannot move a record out of a freeze window.
     */
    private static Ruling decide(Authority authority, Ask ask, RecordTime time) {
        Ruling atClock = authority.decide(ask);
        if (atClock.verdict() != Verdict.ALLOW || !time.clockIsBehind()) {
            return atClock;
        }
        return authority.decide(new Ask(
                ask.action(), ask.principal(), ask.proposal(), ask.approvals(), time.notBefore(), ask.proposedText()));
    }

    private @Nullable Proposal write(
            Stored stored,
            Proposal decided,
            CommitId head,
            RecordTrailers.Decision decision,
            Instant at,
            DraftEdits edits) {
        CommitId base = decided.header().base();
        if (!head.equals(base) && overlaps(decided, base, head, edits)) {
            return ledger.writeOrFail(
                    stored, conflicted(stored.proposal(), base, head, decision.recorder()), "conflicted");
        }
        CommitId commit = commit(decided, head, decision, at, edits);
        if (!git.compareAndSwap(Refs.MAIN, head, commit, "record " + decided.id())) {
            return null;
        }
        return ledger.writeOrFail(stored, recorded(decided, commit), "recorded as " + commit.name());
    }

    private static Proposal recorded(Proposal r, CommitId commit) {
        return r.with(
                r.progress().recordedAs(commit).in(Transitions.next(r.state(), ProposalEvent.RECORD, Verdict.ALLOW)));
    }

    private Proposal conflicted(Proposal r, CommitId base, CommitId head, Principal principal) {
        String changed = r.header()
                .subject()
                .fold(
                        s -> Layout.stackFolder(s.environment(), s.stack()),
                        e -> "environment " + e.environment(),
                        p -> String.join(
                                " and ",
                                git.changedPaths(base, head).stream()
                                        .filter(PolicyDraft.GOVERNED::contains)
                                        .toList()));
        Ruling conflict = new Ruling(
                Verdict.ALLOW,
                "no-overlap",
                "main moved from " + base.name() + " to " + head.name() + " and changed " + changed
                        + ": the change needs a new proposal and a new review");
        Authority authority = ledger.authorityAt(head);
        return r.with(r.progress()
                .decided(ledger.decision(Action.RECORD, principal, conflict, authority), null)
                .in(Transitions.next(r.state(), ProposalEvent.CONFLICT, Verdict.ALLOW)));
    }

    private Optional<CommitId> findOnMain(Proposal r, CommitId head) {
        return git.firstParentLine(head, r.header().base()).stream()
                .filter(c -> c.trailers().all(Trailers.PROPOSAL).contains(r.id()))
                .map(CommitInfo::id)
                .findFirst();
    }

    /**
     * Tells whether main moved under the proposal. A stack change overlaps when main changed the stack folder,
     * the stack's rendered files, the environment or the sops rules (both feed the rendering), or a shared path
     * the draft writes otherwise. An environment change re-renders every stack of its environment, so anything
     * main changed in the environment's region or in the sops rules overlaps it, and so does a new price catalogue,
     * which its cost review and sizing rules were judged with. A policy change overlaps a change of either governed
     * file.
     */
    private boolean overlaps(Proposal r, CommitId base, CommitId head, DraftEdits edits) {
        List<String> moved = git.changedPaths(base, head);
        return r.header()
                .subject()
                .fold(
                        s -> moved.stream().anyMatch(path -> overlaps(s, head, path, edits)),
                        e -> moved.stream()
                                .anyMatch(path -> EnvironmentRendering.inRegion(e.environment(), path)
                                        || path.equals(Layout.SOPS_CONFIG)
                                        || path.equals(PricingFile.PATH)),
                        p -> moved.stream().anyMatch(PolicyDraft.GOVERNED::contains));
    }

    private boolean overlaps(Subject.StackChange s, CommitId head, String path, DraftEdits edits) {
        return path.startsWith(Layout.stackFolder(s.environment(), s.stack()) + "/")
                || RenderedLayout.owns(s.environment(), s.stack(), path)
                || path.equals(Layout.environmentFile(s.environment()))
                || path.equals(Layout.SOPS_CONFIG)
                || path.equals(RecipientFiles.path(s.environment()))
                || (edits.edits().containsKey(path)
                        && !Arrays.equals(
                                git.read(head, path).orElse(null), edits.edits().get(path)));
    }

    private CommitId commit(
            Proposal r, CommitId head, RecordTrailers.Decision decision, Instant now, DraftEdits edits) {
        TreeId tree = git.writeTree(head, edits.edits());
        String hash = ContentHash.of(r.header()
                .subject()
                .fold(
                        s -> RenderedLayout.hashed(git, tree, s.environment(), s.stack()),
                        e -> EnvironmentRendering.region(git, tree, e.environment()),
                        p -> PolicyDraft.hashed(git, tree)));
        if (!hash.equals(r.contentHash())) {
            throw new GitOpsException("content of " + r.id() + " on " + head.name() + " hashes to " + hash
                    + ", not the approved " + r.contentHash() + ": refusing to record");
        }
        String message = RecordTrailers.of(r, decision, edits).appendTo(subjectLine(r));
        return git.commit(tree, List.of(head), Idents.of(r.proposer(), now), Idents.of(Idents.RECORDER, now), message);
    }

    private static String subjectLine(Proposal r) {
        String line = r.rationale().strip().lines().findFirst().orElse("change");
        return r.header().subject().describe() + ": " + line;
    }
}
