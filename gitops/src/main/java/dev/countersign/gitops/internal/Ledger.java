package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.UnknownProposalException;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.RemoteSync;
import dev.countersign.policy.Action;
import dev.countersign.policy.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where every proposal and the main line are kept, and the one way to change them: {@link #transact} holds the
 * repository lock and, in remote mode, fetches before and pushes after, retrying lost races. Each verb
 * ({@link Drafting}, {@link Deciding}, {@link Recording}, {@link Recovery}) reads and writes through it.
 * Thread-safe and safe across processes.
 */
public final class Ledger {
    private final GitStore git;
    private final ProposalStore store;
    private final RepositoryLock lock;
    private final Authority.Source authorities;
    private final Clock clock;
    private final @Nullable RemoteSync remote;

    /**
     * Creates the ledger of a repository.
     *
     * @param git the repository
     * @param authorities the policy in force at a commit
     * @param clock the time of actions
     * @param remote the remote kept in step, or null for a local-only repository
     */
    public Ledger(GitStore git, Authority.Source authorities, Clock clock, @Nullable RemoteSync remote) {
        this.git = git;
        this.store = new ProposalStore(git);
        this.lock = new RepositoryLock(git.gitDirectory());
        this.authorities = authorities;
        this.clock = clock;
        this.remote = remote;
    }

    /**
     * Runs a write holding the repository lock; in remote mode as one fetch-act-push transaction, run again
     * from a fresh fetch when the push loses a race.
     *
     * @param <T> the result
     * @param action the write; every read of the main line it bases a write on happens inside it
     * @return its result
     */
    public <T> T transact(Supplier<T> action) {
        RemoteSync sync = remote;
        return lock.holding(() -> sync == null ? action.get() : sync.transact(action));
    }

    /**
     * Runs a repair holding the repository lock, after removing stale ref locks.
     *
     * @param <T> the result
     * @param repair the repair
     * @return its result
     */
    <T> T repairing(Supplier<T> repair) {
        return lock.holding(() -> {
            RepositoryLock.clearStaleLocks(git.gitDirectory());
            RemoteSync sync = remote;
            return sync == null ? repair.get() : sync.transact(repair);
        });
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
     * Returns the repository.
     *
     * @return the repository
     */
    public GitStore git() {
        return git;
    }

    /**
     * Returns the time of an action.
     *
     * @return now
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Loads one proposal, fresh from the remote.
     *
     * @param id the proposal id
     * @return its metadata
     * @throws UnknownProposalException if there is no such proposal
     */
    public Proposal get(String id) {
        refresh();
        return load(id).proposal();
    }

    /**
     * Lists every proposal, fresh from the remote.
     *
     * @return the metadata, sorted by id
     */
    public List<Proposal> list() {
        refresh();
        return store.all();
    }

    /**
     * Lists the proposals not in a terminal state, fresh from the remote, reading no other proposal's metadata
     * ({@link ProposalIndex}).
     *
     * @return the open proposals, sorted by id
     */
    public List<Proposal> open() {
        refresh();
        return openLocked();
    }

    /**
     * Lists the proposals not in a terminal state as the local repository holds them, without fetching: for an
     * action inside {@link #transact}, which fetched when it began.
     *
     * @return the open proposals, sorted by id
     */
    public List<Proposal> openLocked() {
        return ProposalIndex.open(git, store);
    }

    /**
     * Lists one page of the proposals, fresh from the remote, reading the metadata of those on the page only.
     *
     * @param state the state to keep, or null for every state
     * @param after the id the page starts after, or null for the first page
     * @param limit the most proposals on the page
     * @return the page, sorted by id
     */
    public List<Proposal> page(@Nullable ProposalState state, @Nullable String after, int limit) {
        refresh();
        return ProposalIndex.page(git, store, state, after, limit);
    }

    java.util.SortedMap<String, ProposalIndex.Entry> indexed() {
        return ProposalIndex.entries(git, store);
    }

    Stored load(String id) {
        return find(id).orElseThrow(() -> new UnknownProposalException(id));
    }

    Optional<Stored> find(String id) {
        return store.load(id);
    }

    List<Proposal> all() {
        return store.all();
    }

    boolean write(@Nullable Stored previous, Proposal next, String event) {
        return store.write(previous, next, event, Idents.RECORDER, now());
    }

    Proposal writeOrFail(Stored previous, Proposal next, String event) {
        if (!write(previous, next, event)) {
            throw lostRaces(next.id());
        }
        return next;
    }

    /**
     * Returns the head of the main line.
     *
     * @return the commit
     * @throws GitOpsException if the repository is not initialized
     */
    public CommitId mainHead() {
        return git.resolve(Refs.MAIN)
                .orElseThrow(() -> new GitOpsException("repository at " + git.gitDirectory()
                        + " has no main line: initialize it first (countersign init)"));
    }

    Authority authorityAt(CommitId commit) {
        return authorities.at(git, commit);
    }

    RecordedDecision decision(Action action, Principal principal, Ruling ruling, Authority authority) {
        return new RecordedDecision(
                action.spelling(),
                principal.name(),
                ruling.verdict().name().toLowerCase(Locale.ROOT),
                ruling.rule(),
                ruling.explanation(),
                authority.policyHash(),
                now());
    }

    static GitOpsException lostRaces(String id) {
        return new GitOpsException("proposal " + id + " kept changing under concurrent writers; retry the action");
    }
}
