package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.UnknownProposalException;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Action;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.ProposalRecord.ApprovalRecord;
import dev.countersign.gitops.internal.ProposalRecord.DecisionRecord;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The proposal lifecycle over a Git repository: every action runs the pure state machine, asks policy, and
 * writes with compare-and-swap while holding the repository lock. Thread-safe and safe across processes.
 */
public final class Engine {
    private static final int ATTEMPTS = 20;

    private final GitStore git;
    private final ProposalStore store;
    private final RepositoryLock lock;
    private final Authority.Source authorities;
    private final Clock clock;
    private final Supplier<String> ids;
    private final @Nullable RemoteSync remote;

    /**
     * Creates an engine.
     *
     * @param git the repository
     * @param authorities the policy in force at a commit
     * @param clock the time of actions
     * @param ids new proposal ids
     */
    public Engine(GitStore git, Authority.Source authorities, Clock clock, Supplier<String> ids) {
        this(git, authorities, clock, ids, null);
    }

    /**
     * Creates an engine that keeps the repository in step with a remote: every write fetches, acts and
     * pushes with compare-and-swap, retrying lost races.
     *
     * @param git the repository, a clone of the remote
     * @param authorities the policy in force at a commit
     * @param clock the time of actions
     * @param ids new proposal ids
     * @param remote the remote, or null for a local-only repository
     */
    public Engine(
            GitStore git,
            Authority.Source authorities,
            Clock clock,
            Supplier<String> ids,
            @Nullable RemoteSync remote) {
        this.git = git;
        this.store = new ProposalStore(git);
        this.lock = new RepositoryLock(git.gitDirectory());
        this.authorities = authorities;
        this.clock = clock;
        this.ids = ids;
        this.remote = remote;
    }

    private <T> T writing(Supplier<T> action) {
        RemoteSync sync = remote;
        return lock.holding(() -> sync == null ? action.get() : sync.transact(action));
    }

    /**
     * Brings the local repository up to date with the remote before a read; nothing in local mode.
     *
     * @throws GitOpsException if the remote cannot be reached
     */
    public void refresh() {
        RemoteSync sync = remote;
        if (sync != null) {
            lock.holding(() -> {
                sync.fetch();
                return sync;
            });
        }
    }

    /**
     * Repairs what a crashed writer left behind, as every open does: stale ref lock files are removed, an
     * interrupted proposal is rolled back and an interrupted record or revision is completed.
     *
     * @return how many proposals were repaired
     */
    public int recover() {
        RemoteSync sync = remote;
        return lock.holding(() -> {
            Recovery.clearStaleLocks(git.gitDirectory());
            Supplier<Integer> repair = () -> new Recovery(this, git, clock).run();
            return sync == null ? repair.get() : sync.transact(repair);
        });
    }

    /**
     * A draft about to be proposed: the complete new content of one stack folder.
     *
     * @param principal the proposer
     * @param onBehalfOf the human an agent acts for, if any
     * @param environment the environment
     * @param stack the stack
     * @param files file name inside the stack folder to content; files of the base not listed are removed
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded commit this draft reverts, if any
     * @param fluxSecret the stack's sops-encrypted Flux {@code Secret}, recorded when the environment's renderer
     *     is Flux and the stack has secrets; null for none
     */
    @SuppressWarnings("ArrayRecordComponent") // a transfer value inside the engine, never compared
    public record Draft(
            String principal,
            @Nullable String onBehalfOf,
            String environment,
            String stack,
            SortedMap<String, byte[]> files,
            String rationale,
            List<String> evidence,
            @Nullable String reverts,
            byte @Nullable [] fluxSecret) {
        /**
         * A draft without a Flux Secret.
         *
         * @param principal the proposer
         * @param onBehalfOf the human an agent acts for, if any
         * @param environment the environment
         * @param stack the stack
         * @param files file name inside the stack folder to content
         * @param rationale why
         * @param evidence backing links or notes
         * @param reverts the recorded commit this draft reverts, if any
         */
        public Draft(
                String principal,
                @Nullable String onBehalfOf,
                String environment,
                String stack,
                SortedMap<String, byte[]> files,
                String rationale,
                List<String> evidence,
                @Nullable String reverts) {
            this(principal, onBehalfOf, environment, stack, files, rationale, evidence, reverts, null);
        }
    }

    /**
     * A change of an environment's definition about to be proposed: the environment file as it is to be, with
     * every stack recorded in the environment rendered again under it.
     *
     * @param principal the proposer
     * @param onBehalfOf the human an agent acts for, if any
     * @param environment the environment as it is to be; its name names the file changed
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded commit this draft reverts, if any
     * @param restoreFrom for a revert, the commit whose Flux Secrets come back; null otherwise
     */
    public record EnvironmentDraft(
            String principal,
            @Nullable String onBehalfOf,
            Environment environment,
            String rationale,
            List<String> evidence,
            @Nullable String reverts,
            @Nullable ObjectId restoreFrom) {}

    /**
     * Returns the repository.
     *
     * @return the repository
     */
    public GitStore git() {
        return git;
    }

    /**
     * Writes the first commit of the main line: the policy, the environments and the sops rules.
     *
     * @param files path to content; only paths under {@code .countersign/} and {@code .sops.yaml}
     * @param principal who initializes the repository
     * @return the root commit's id
     * @throws GitOpsException if the main line already exists
     */
    public String initialize(SortedMap<String, byte[]> files, String principal) {
        return writing(() -> {
            files.keySet().forEach(Layout::requireConfigPath);
            Instant now = clock.instant();
            ObjectId tree = git.writeTree(null, new java.util.TreeMap<String, byte @Nullable []>(files));
            String message = Trailers.builder()
                    .add(Trailers.POLICY, ContentHash.ofBytes(files.getOrDefault(Layout.POLICY, new byte[0])))
                    .build()
                    .appendTo("Initialize the Countersign repository");
            ObjectId root = git.commit(tree, List.of(), Idents.of(principal, now), Idents.of(principal, now), message);
            if (!git.compareAndSwap(Refs.MAIN, null, root, "initialize")) {
                throw new GitOpsException("repository at " + git.gitDirectory() + " is already initialized");
            }
            return root.name();
        });
    }

    /**
     * Loads one proposal.
     *
     * @param id the proposal id
     * @return its metadata
     * @throws UnknownProposalException if there is no such proposal
     */
    public ProposalRecord get(String id) {
        refresh();
        return load(id).record();
    }

    /**
     * Lists every proposal.
     *
     * @return the metadata, sorted by id
     */
    public List<ProposalRecord> list() {
        refresh();
        return store.all();
    }

    /**
     * Proposes a draft: writes {@code drafts/<id>} and the metadata, after policy allowed it.
     *
     * @param draft the draft
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal
     */
    public ProposalRecord propose(Draft draft) {
        return writing(() -> create(draft, null));
    }

    /**
     * Proposes a change of an environment's definition: writes {@code drafts/<id>} (the environment file and
     * every stack of the environment rendered again) and the metadata, after policy allowed it.
     *
     * @param draft the change
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal
     * @throws InvalidProposalException if the environment is unknown, or the change changes nothing
     */
    public ProposalRecord proposeEnvironment(EnvironmentDraft draft) {
        return writing(() -> createEnvironment(draft, null));
    }

    /**
     * Revises an environment change: the new definition becomes a new revision, the old one is superseded and
     * its approvals are void.
     *
     * @param id the environment change to revise
     * @param principal who revises; must be its proposer
     * @param changed the environment as it is to be; same name
     * @return the new revision
     * @throws InvalidProposalException if the proposal changes a stack, or the name differs
     */
    public ProposalRecord reviseEnvironment(String id, String principal, Environment changed) {
        return writing(() -> {
            Stored old = load(id);
            ProposalRecord r = old.record();
            r.state().next(ProposalEvent.REVISE, Verdict.ALLOW);
            requireProposer(r, principal, "revise");
            if (!r.isEnvironmentChange() || !r.environment().equals(changed.name())) {
                throw new InvalidProposalException("proposal " + id + " changes " + r.subject()
                        + ": it cannot be revised into a change of environment " + changed.name());
            }
            ProposalRecord revision = createEnvironment(
                    new EnvironmentDraft(
                            principal, r.onBehalfOf(), changed, r.rationale(), r.evidence(), r.reverts(), null),
                    id);
            writeOrFail(old, old.record().supersededBy(revision.id()), "superseded by " + revision.id());
            return revision;
        });
    }

    /**
     * Revises a proposal: the new content becomes a new revision, the old one is superseded and its
     * approvals are void.
     *
     * @param id the proposal to revise
     * @param principal who revises; must be its proposer
     * @param files the new content of the stack folder
     * @return the new revision
     */
    public ProposalRecord revise(String id, String principal, SortedMap<String, byte[]> files) {
        return revise(id, principal, files, null);
    }

    /**
     * Revises a proposal with the stack's Flux Secret.
     *
     * @param id the proposal to revise
     * @param principal who revises; must be its proposer
     * @param files the new content of the stack folder
     * @param fluxSecret the stack's sops-encrypted Flux Secret, or null for none
     * @return the new revision
     */
    public ProposalRecord revise(
            String id, String principal, SortedMap<String, byte[]> files, byte @Nullable [] fluxSecret) {
        return writing(() -> {
            Stored old = load(id);
            ProposalRecord r = old.record();
            r.state().next(ProposalEvent.REVISE, Verdict.ALLOW);
            requireProposer(r, principal, "revise");
            if (r.isEnvironmentChange()) {
                throw new InvalidProposalException("proposal " + id + " changes environment " + r.environment()
                        + ": revise it with a new environment definition, not a stack");
            }
            Draft draft = new Draft(
                    principal,
                    r.onBehalfOf(),
                    r.environment(),
                    r.stack(),
                    files,
                    r.rationale(),
                    r.evidence(),
                    r.reverts(),
                    fluxSecret);
            ProposalRecord revision = create(draft, id);
            writeOrFail(old, old.record().supersededBy(revision.id()), "superseded by " + revision.id());
            return revision;
        });
    }

    /**
     * Withdraws a proposal.
     *
     * @param id the proposal
     * @param principal who withdraws; must be its proposer
     * @return the withdrawn proposal
     */
    public ProposalRecord withdraw(String id, String principal) {
        return writing(() -> {
            Stored stored = load(id);
            requireProposer(stored.record(), principal, "withdraw");
            return decideAndWrite(stored, ProposalEvent.WITHDRAW, Action.WITHDRAW, principal, "");
        });
    }

    /**
     * Rejects a proposal.
     *
     * @param id the proposal
     * @param principal the reviewer
     * @param reason why, recorded with the decision
     * @return the rejected proposal
     */
    public ProposalRecord reject(String id, String principal, String reason) {
        return writing(() -> decideAndWrite(load(id), ProposalEvent.REJECT, Action.REJECT, principal, reason));
    }

    /**
     * Approves a proposal's current content; records it at once when policy allows.
     *
     * @param id the proposal
     * @param principal the approver
     * @return the proposal after the approval (and the record, if it happened)
     * @throws ActionDeniedException if the approver may not approve it
     */
    public ProposalRecord approve(String id, String principal) {
        return approve(id, principal, null);
    }

    /**
     * Approves a proposal's current content, signed with the approver's own key when one is given; records
     * it at once when policy allows. The signature covers the {@link ApprovalStatement} of this revision.
     *
     * @param id the proposal
     * @param principal the approver
     * @param approverKey the approver's key, or null for an unsigned approval
     * @return the proposal after the approval (and the record, if it happened)
     * @throws ActionDeniedException if the approver may not approve it
     */
    public ProposalRecord approve(String id, String principal, @Nullable CommitSigner approverKey) {
        return writing(() -> {
            ProposalRecord approved = approveLocked(id, principal, approverKey);
            return approved.state() == ProposalState.APPROVED ? new Recording(this, git, clock).record(id) : approved;
        });
    }

    /**
     * Records an approved proposal on the main line, rebasing when main moved without overlap.
     *
     * @param id the proposal
     * @return the proposal: recorded, still approved (policy holds it, e.g. a freeze) or conflicted
     */
    public ProposalRecord record(String id) {
        return writing(() -> new Recording(this, git, clock).record(id));
    }

    /**
     * Proposes the revert of a recorded change: the stack folder goes back to its content before it.
     *
     * @param commit the recorded main-line commit to revert
     * @param principal the proposer
     * @param onBehalfOf the human an agent acts for, if any
     * @param rationale why
     * @return the revert proposal, carrying {@code Countersign-Reverts} once recorded
     * @throws InvalidProposalException if the commit is not a recorded change on the main line
     */
    public ProposalRecord proposeRevert(
            String commit, String principal, @Nullable String onBehalfOf, String rationale) {
        return writing(() -> {
            ObjectId head = mainHead();
            CommitInfo target = git.resolveRevision(commit)
                    .filter(id -> git.firstParentLine(head, null).stream().anyMatch(c -> c.id().equals(id)))
                    .map(git::commitInfo)
                    .filter(c -> c.parents().size() == 1
                            && c.trailers().single(Trailers.PROPOSAL).isPresent())
                    .orElseThrow(() -> new InvalidProposalException(
                            "cannot revert '" + commit + "': not a recorded change on the main line"));
            String environment = target.trailers().single(Trailers.ENVIRONMENT).orElse("");
            ObjectId parent = target.parents().get(0);
            if (target.trailers().single(Trailers.SUBJECT).isPresent()) {
                Environment previous = StackLayout.environment(git, parent, environment);
                return createEnvironment(
                        new EnvironmentDraft(
                                principal,
                                onBehalfOf,
                                previous,
                                rationale,
                                List.of(),
                                target.id().name(),
                                parent),
                        null);
            }
            String stack = target.trailers().single(Trailers.STACK).orElse("");
            String folder = Layout.stackFolder(environment, stack);
            SortedMap<String, byte[]> files = new java.util.TreeMap<>();
            git.readFolder(target.parents().get(0), folder)
                    .forEach((path, content) -> files.put(path.substring(folder.length() + 1), content));
            byte[] restored = files.get(StackLayout.STACK);
            if (restored != null) {
                // rendered.yaml as the environment is now: it may have changed since the reverted record
                Stack stackThen = StackFiles.parseStack(
                        new String(restored, StandardCharsets.UTF_8), Layout.fileIn(folder, StackLayout.STACK));
                byte[] secretsThen = files.get(StackLayout.SECRETS);
                files.putAll(StackLayout.files(
                        stackThen,
                        StackLayout.environment(git, head, environment),
                        secretsThen == null ? Set.of() : new java.util.TreeSet<>(SecretFiles.names(secretsThen))));
            }
            return create(
                    new Draft(
                            principal,
                            onBehalfOf,
                            environment,
                            stack,
                            files,
                            rationale,
                            List.of(),
                            target.id().name(),
                            git.read(target.parents().get(0), RenderedLayout.fluxSecret(environment, stack))
                                    .orElse(null)),
                    null);
        });
    }

    private ProposalRecord create(Draft draft, @Nullable String supersedes) {
        ObjectId base = mainHead();
        String folder = Layout.stackFolder(draft.environment(), draft.stack());
        SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        draft.files().forEach((name, content) -> files.put(Layout.fileIn(folder, name), content));
        files.putAll(RenderedLayout.forDraft(
                git, base, draft.environment(), draft.stack(), draft.files(), draft.fluxSecret()));
        SortedMap<String, byte[]> before =
                RenderedLayout.hashed(git, git.tree(base), draft.environment(), draft.stack());
        String shared = RenderedLayout.sharedRules(draft.environment());
        git.read(base, shared).ifPresent(content -> before.put(shared, content));
        List<String> changed = changedPaths(before, files);
        if (changed.isEmpty()) {
            throw new InvalidProposalException(
                    "proposal for " + folder + " changes nothing: its content equals the recorded one");
        }
        Optional<Ruling> secrets = SecretRules.broken(
                folder, changed, files, draft.principal(), draft.onBehalfOf(), draft.reverts() != null);
        if (secrets.isPresent()) {
            throw denied("propose", draft.principal(), secrets.get());
        }
        Instant now = clock.instant();
        String id = ids.get();
        ProposalRecord pending = new ProposalRecord(
                id,
                draft.environment(),
                draft.stack(),
                draft.principal(),
                draft.onBehalfOf(),
                draft.rationale(),
                List.copyOf(draft.evidence()),
                base.name(),
                "",
                ContentHash.of(hashedPart(files, shared)),
                changed,
                draft.reverts(),
                supersedes,
                null,
                ProposalState.DRAFT,
                List.of(),
                List.of(),
                null,
                now);
        return proposeAndWrite(pending, base, files, text(draft.files().get(StackLayout.STACK)));
    }

    private ProposalRecord createEnvironment(EnvironmentDraft draft, @Nullable String supersedes) {
        ObjectId base = mainHead();
        String environment = draft.environment().name();
        SortedMap<String, byte[]> files = EnvironmentChange.after(git, base, draft.environment(), draft.restoreFrom());
        List<String> changed = changedPaths(EnvironmentChange.region(git, git.tree(base), environment), files);
        if (changed.isEmpty()) {
            throw new InvalidProposalException("proposal for environment " + environment
                    + " changes nothing: its definition and renderings equal the recorded ones");
        }
        Optional<Ruling> secrets = SecretRules.brokenByEnvironmentChange(
                changed, path -> files.get(path), draft.principal(), draft.onBehalfOf(), draft.reverts() != null);
        if (secrets.isPresent()) {
            throw denied("propose", draft.principal(), secrets.get());
        }
        ProposalRecord pending = new ProposalRecord(
                ids.get(),
                environment,
                "",
                draft.principal(),
                draft.onBehalfOf(),
                draft.rationale(),
                List.copyOf(draft.evidence()),
                base.name(),
                "",
                ContentHash.of(files),
                changed,
                draft.reverts(),
                supersedes,
                null,
                ProposalState.DRAFT,
                List.of(),
                List.of(),
                null,
                clock.instant());
        return proposeAndWrite(pending, base, files, text(files.get(Layout.environmentFile(environment))));
    }

    private ProposalRecord proposeAndWrite(
            ProposalRecord pending, ObjectId base, SortedMap<String, byte[]> files, @Nullable String proposedText) {
        Instant now = pending.createdAt();
        String id = pending.id();
        Authority authority = authorities.at(git, base);
        Ruling ruling = authority.decide(new Ask(
                Action.PROPOSE, pending.proposer(), pending.onBehalfOf(), pending, List.of(), now, proposedText));
        if (ruling.verdict() == Verdict.DENY) {
            throw denied("propose", pending.proposer(), ruling);
        }
        ObjectId draftCommit = writeDraft(pending, base, files, now);
        ProposalRecord proposed = pending.withDraft(draftCommit.name())
                .with(decision(Action.PROPOSE, pending.proposer(), ruling, authority), null)
                .withState(ProposalState.DRAFT.next(ProposalEvent.PROPOSE, ruling.verdict()));
        if (!git.compareAndSwap(Refs.draft(id), null, draftCommit, "propose " + id)
                || !store.write(null, proposed, "propose", Idents.of(Idents.RECORDER, now))) {
            throw new GitOpsException("proposal id " + id + " is already taken: choose another id source");
        }
        return proposed;
    }

    private static SortedMap<String, byte[]> hashedPart(SortedMap<String, byte[]> files, String shared) {
        SortedMap<String, byte[]> hashed = new java.util.TreeMap<>(files);
        hashed.remove(shared);
        return hashed;
    }

    private static @Nullable String text(byte @Nullable [] content) {
        return content == null ? null : new String(content, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> changedPaths(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
        java.util.SortedSet<String> paths = new java.util.TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        return paths.stream()
                .filter(path -> !java.util.Arrays.equals(before.get(path), after.get(path)))
                .toList();
    }

    private ObjectId writeDraft(ProposalRecord r, ObjectId base, SortedMap<String, byte[]> files, Instant now) {
        java.util.Map<String, byte @Nullable []> edits = new java.util.TreeMap<>();
        r.changedPaths().forEach(path -> edits.put(path, files.get(path)));
        ObjectId tree = git.writeTree(base, edits);
        String of = r.isEnvironmentChange()
                ? Layout.environmentFile(r.environment())
                : Layout.stackFolder(r.environment(), r.stack());
        String message = "draft " + r.id() + " of " + of + "\n\n" + r.rationale();
        return git.commit(tree, List.of(base), Idents.of(r.proposer(), now), Idents.of(Idents.RECORDER, now), message);
    }

    private ProposalRecord approveLocked(String id, String principal, @Nullable CommitSigner approverKey) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored stored = load(id);
            ProposalRecord r = stored.record();
            r.state().next(ProposalEvent.APPROVE, Verdict.ALLOW);
            Instant now = clock.instant();
            Authority authority = authorities.at(git, mainHead());
            Ruling ruling = contractRule(r, principal)
                    .orElseGet(() -> authority.decide(
                            new Ask(Action.APPROVE, principal, null, r, approversWith(r, principal), now)));
            DecisionRecord decision = decision(Action.APPROVE, principal, ruling, authority);
            if (ruling.verdict() == Verdict.DENY) {
                store.write(stored, r.with(decision, null), "approve denied", Idents.of(Idents.RECORDER, now));
                throw denied("approve", principal, ruling);
            }
            String signature = approverKey == null
                    ? null
                    : ApprovalSignatures.sign(approverKey, ApprovalStatement.of(r, principal), now);
            ApprovalRecord approval =
                    new ApprovalRecord(principal, r.id(), r.contentHash(), r.baseCommit(), now, signature);
            ProposalRecord next =
                    r.with(decision, approval).withState(r.state().next(ProposalEvent.APPROVE, ruling.verdict()));
            if (store.write(stored, next, "approve by " + principal, Idents.of(Idents.RECORDER, now))) {
                return next;
            }
        }
        throw lostRaces(id);
    }

    /**
     * Applies the contract's own approval rules, which no policy can relax.
     *
     * @param r the proposal
     * @param principal the would-be approver
     * @return a denial, or empty when the contract has no objection
     */
    static Optional<Ruling> contractRule(ProposalRecord r, String principal) {
        if (!Idents.kind(principal).equals("human")) {
            return Optional.of(
                    new Ruling(Verdict.DENY, "humans-approve", principal + " is not a human: only humans approve"));
        }
        if (principal.equals(r.proposer())) {
            return Optional.of(new Ruling(
                    Verdict.DENY, "no-self-approval", principal + " proposed " + r.id() + " and cannot approve it"));
        }
        if (principal.equals(r.onBehalfOf())) {
            return Optional.of(new Ruling(
                    Verdict.DENY,
                    "no-self-approval",
                    principal + " delegated " + r.id() + " to " + r.proposer() + " and cannot approve it"));
        }
        if (r.validApprovals().stream().anyMatch(a -> a.approver().equals(principal))) {
            return Optional.of(
                    new Ruling(Verdict.DENY, "one-approval-each", principal + " already approved " + r.id()));
        }
        return Optional.empty();
    }

    private static List<String> approversWith(ProposalRecord r, String principal) {
        List<String> approvers = new ArrayList<>();
        r.validApprovals().forEach(a -> approvers.add(a.approver()));
        approvers.add(principal);
        return approvers;
    }

    private ProposalRecord decideAndWrite(
            Stored stored, ProposalEvent event, Action action, String principal, String reason) {
        ProposalRecord r = stored.record();
        r.state().next(event, Verdict.ALLOW);
        Instant now = clock.instant();
        Authority authority = authorities.at(git, mainHead());
        Ruling ruling = authority.decide(new Ask(action, principal, null, r, List.of(), now));
        if (ruling.verdict() == Verdict.DENY) {
            throw denied(action.name().toLowerCase(Locale.ROOT), principal, ruling);
        }
        Ruling explained = reason.isBlank() ? ruling : new Ruling(ruling.verdict(), ruling.rule(), reason);
        ProposalRecord next = r.with(decision(action, principal, explained, authority), null)
                .withState(r.state().next(event, ruling.verdict()));
        writeOrFail(stored, next, action.name().toLowerCase(Locale.ROOT) + " by " + principal);
        return next;
    }

    private static void requireProposer(ProposalRecord r, String principal, String action) {
        if (!principal.equals(r.proposer())) {
            throw new ActionDeniedException(
                    action,
                    principal,
                    "proposer-only",
                    "only " + r.proposer() + ", who proposed " + r.id() + ", may " + action + " it");
        }
    }

    void writeOrFail(Stored stored, ProposalRecord next, String event) {
        if (!store.write(stored, next, event, Idents.of(Idents.RECORDER, clock.instant()))) {
            throw lostRaces(next.id());
        }
    }

    Stored load(String id) {
        return store.load(id).orElseThrow(() -> new UnknownProposalException(id));
    }

    ProposalStore store() {
        return store;
    }

    Authority authorityAt(ObjectId commit) {
        return authorities.at(git, commit);
    }

    /**
     * Returns the head of the main line.
     *
     * @return the commit
     * @throws GitOpsException if the repository is not initialized
     */
    public ObjectId mainHead() {
        return git.resolve(Refs.MAIN)
                .orElseThrow(() -> new GitOpsException("repository at " + git.gitDirectory()
                        + " has no main line: initialize it first (countersign init)"));
    }

    DecisionRecord decision(Action action, String principal, Ruling ruling, Authority authority) {
        return new DecisionRecord(
                action.name().toLowerCase(Locale.ROOT),
                principal,
                ruling.verdict().name().toLowerCase(Locale.ROOT),
                ruling.rule(),
                ruling.explanation(),
                authority.policyHash(),
                clock.instant());
    }

    static ActionDeniedException denied(String action, String principal, Ruling ruling) {
        return new ActionDeniedException(action, principal, ruling.rule(), ruling.explanation());
    }

    static GitOpsException lostRaces(String id) {
        return new GitOpsException("proposal " + id + " kept changing under concurrent writers; retry the action");
    }
}
