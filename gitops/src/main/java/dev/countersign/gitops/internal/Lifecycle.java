package dev.countersign.gitops.internal;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.RemoteSync;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The proposal lifecycle over one repository, wired once: the {@link Ledger} and the verbs that change it,
 * each depending on the ledger only (and recording, which an approval and a repair may complete).
 *
 * @param ledger load, write, lock and the remote transaction
 * @param initialization the first commit
 * @param drafting propose and revise
 * @param reverting propose a revert
 * @param deciding approve, reject and withdraw
 * @param recording record on the main line
 * @param recovery repair after a crash
 */
public record Lifecycle(
        Ledger ledger,
        Initialization initialization,
        Drafting drafting,
        Reverting reverting,
        Deciding deciding,
        Recording recording,
        Recovery recovery) {

    /**
     * Wires the lifecycle of a repository.
     *
     * @param git the repository
     * @param authorities the policy in force at a commit
     * @param clock the time of actions
     * @param ids new proposal ids
     * @param remote the remote kept in step, or null for a local-only repository
     * @return the lifecycle
     */
    public static Lifecycle of(
            GitStore git,
            Authority.Source authorities,
            Clock clock,
            Supplier<String> ids,
            @Nullable RemoteSync remote) {
        Ledger ledger = new Ledger(git, authorities, clock, remote);
        Drafting drafting = new Drafting(ledger, ids);
        Recording recording = new Recording(ledger);
        return new Lifecycle(
                ledger,
                new Initialization(ledger),
                drafting,
                new Reverting(ledger, drafting),
                new Deciding(ledger, recording),
                recording,
                new Recovery(ledger, recording));
    }

    /**
     * Wires the lifecycle of a local-only repository.
     *
     * @param git the repository
     * @param authorities the policy in force at a commit
     * @param clock the time of actions
     * @param ids new proposal ids
     * @return the lifecycle
     */
    public static Lifecycle of(GitStore git, Authority.Source authorities, Clock clock, Supplier<String> ids) {
        return of(git, authorities, clock, ids, null);
    }
}
