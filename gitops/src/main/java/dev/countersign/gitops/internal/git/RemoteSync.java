package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.LostRaceException;
import dev.countersign.gitops.RemoteCredentials;
import dev.countersign.signatures.keys.SshIdentity;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a local repository in step with a remote Git server, the shared source of truth of several hosts.
 * Every write is a transaction: fetch the synced refs (forced, pruned), run the action locally, then push
 * every ref it changed in one atomic push whose commands carry the old id fetched, so the server applies
 * them only if no other host moved any of them. A rejected push is a lost race: fetch, evaluate the action
 * again against the new state, push again, up to a bounded number of attempts.
 *
 * <p>Not thread-safe by itself: callers hold the {@code RepositoryLock}.
 */
public final class RemoteSync {
    private static final List<String> SYNCED = List.of("refs/heads/", "refs/countersign/");
    private static final List<RefSpec> FETCH =
            List.of(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/countersign/*:refs/countersign/*"));
    private static final int MAX_PACKS = 16;
    private static final long MAX_BACKOFF_NANOS = 200_000_000L;

    private final GitStore git;
    private final URIish uri;
    private final RemoteConnections connections;
    private final int maxAttempts;
    private final SplittableRandom jitter;

    /**
     * Creates the synchronization of a local repository with its remote.
     *
     * @param git the local repository, a clone of the remote
     * @param url the remote's URL
     * @param credentials the credentials for http(s), or null
     * @param sshIdentity the key and {@code known_hosts} for ssh, or null
     * @param trusted the certificates trusted for https instead of the JVM's trust store, or null
     * @param maxAttempts how many times an action is evaluated and pushed before a {@link LostRaceException}
     * @param seed the seed of the random back-off between attempts
     */
    public RemoteSync(
            GitStore git,
            String url,
            @Nullable RemoteCredentials credentials,
            @Nullable SshIdentity sshIdentity,
            @Nullable TrustedCertificates trusted,
            int maxAttempts,
            long seed) {
        this.git = git;
        this.uri = RemoteConfigs.parse(url);
        this.connections = new RemoteConnections(git, uri, credentials, sshIdentity, trusted);
        this.maxAttempts = maxAttempts;
        this.jitter = new SplittableRandom(seed);
    }

    /**
     * Runs an action as a transaction against the remote: fetch, act locally, push atomically with
     * compare-and-swap; on a lost race, again from the fetch.
     *
     * @param <T> the result type
     * @param action the action; it reads and writes the local repository only, and may run several times
     * @return the action's result from the attempt whose push succeeded
     * @throws LostRaceException if every attempt lost its race
     * @throws GitOpsException if the remote cannot be reached or rejects the push for another reason
     */
    public <T> T transact(Supplier<T> action) {
        fetch();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            SortedMap<String, ObjectId> before = snapshot();
            Supplier<T> outcome = run(action);
            if (push(before, snapshot())) {
                return outcome.get();
            }
            LockSupport.parkNanos(backoff(attempt));
            fetch();
        }
        throw new LostRaceException(uri.toString(), maxAttempts);
    }

    /**
     * Replaces the synced local refs ({@code refs/heads/*}, {@code refs/countersign/*}) by the remote's,
     * deleting the local ones the remote does not have.
     *
     * @throws GitOpsException if the remote cannot be reached
     */
    public void fetch() {
        try (Transport transport = connections.open()) {
            transport.setRemoveDeletedRefs(true);
            transport.fetch(NullProgressMonitor.INSTANCE, FETCH);
        } catch (IOException e) {
            throw connections.failure("cannot fetch from ", e);
        }
        compactWhenFragmented();
    }

    /** Every fetch leaves a small pack; many packs slow every object lookup, so repack them now and then. */
    private void compactWhenFragmented() {
        Path packs = git.gitDirectory().resolve("objects").resolve("pack");
        try (Stream<Path> files = Files.list(packs)) {
            if (files.filter(f -> f.toString().endsWith(".pack")).count() > MAX_PACKS) {
                // the old packs go at once (not after JGit's default hour); writers wait on the lock meanwhile
                git.repository().getConfig().setString("gc", null, "prunePackExpire", "now");
                Git.wrap(git.repository()).gc().call();
            }
        } catch (IOException | GitAPIException e) {
            throw new GitOpsException("cannot repack " + git.gitDirectory() + ": " + e.getMessage(), e);
        }
    }

    private static <T> Supplier<T> run(Supplier<T> action) {
        try {
            T value = action.get();
            return () -> value;
        } catch (RuntimeException e) {
            return () -> {
                throw e;
            };
        }
    }

    private SortedMap<String, ObjectId> snapshot() {
        SortedMap<String, ObjectId> refs = new TreeMap<>();
        SYNCED.forEach(prefix -> refs.putAll(git.objectRefs(prefix)));
        return refs;
    }

    private boolean push(SortedMap<String, ObjectId> before, SortedMap<String, ObjectId> after) {
        List<RemoteRefUpdate> updates = updates(before, after);
        if (updates.isEmpty()) {
            return true;
        }
        PushResult result = send(updates);
        List<RemoteRefUpdate> rejected = result.getRemoteUpdates().stream()
                .filter(u -> u.getStatus() != RemoteRefUpdate.Status.OK
                        && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE)
                .toList();
        if (rejected.isEmpty()) {
            return true;
        }
        // the push's own advertisement answers most lost races without another connection; only a ref moved
        // between that advertisement and the update needs the refs listed again
        if (moved(updates, before, advertised(result)) || moved(updates, before, remoteRefs())) {
            return false;
        }
        throw new GitOpsException("remote " + uri + " rejected the push of "
                + rejected.stream()
                        .map(u -> u.getRemoteName() + " (" + u.getStatus() + ": " + u.getMessage() + ")")
                        .toList()
                + " although no other host changed those refs; check the server's permissions and hooks");
    }

    private static boolean moved(
            List<RemoteRefUpdate> updates, SortedMap<String, ObjectId> before, SortedMap<String, ObjectId> now) {
        return updates.stream()
                .anyMatch(u -> !Objects.equals(before.get(u.getRemoteName()), now.get(u.getRemoteName())));
    }

    private static SortedMap<String, ObjectId> advertised(PushResult result) {
        SortedMap<String, ObjectId> refs = new TreeMap<>();
        result.getAdvertisedRefs().stream()
                .filter(ref -> SYNCED.stream().anyMatch(ref.getName()::startsWith) && ref.getObjectId() != null)
                .forEach(ref -> refs.put(ref.getName(), ref.getObjectId()));
        return refs;
    }

    /**
     * Counts the connections this synchronization opened to the server so far (fetches, pushes, ref listings).
     *
     * @return the count
     */
    int connectionsOpened() {
        return connections.opened();
    }

    private SortedMap<String, ObjectId> remoteRefs() {
        try (Transport transport = connections.open();
                FetchConnection connection = transport.openFetch()) {
            SortedMap<String, ObjectId> refs = new TreeMap<>();
            connection.getRefs().stream()
                    .filter(ref -> SYNCED.stream().anyMatch(ref.getName()::startsWith))
                    .forEach(ref -> refs.put(ref.getName(), ref.getObjectId()));
            return refs;
        } catch (IOException e) {
            throw connections.failure("cannot list the refs of ", e);
        }
    }

    private List<RemoteRefUpdate> updates(SortedMap<String, ObjectId> before, SortedMap<String, ObjectId> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<RemoteRefUpdate> updates = new ArrayList<>();
        for (String name : names) {
            ObjectId old = before.get(name);
            ObjectId next = after.get(name);
            if (!Objects.equals(old, next)) {
                updates.add(update(name, old, next));
            }
        }
        return updates;
    }

    private RemoteRefUpdate update(String name, @Nullable ObjectId old, @Nullable ObjectId next) {
        try {
            return new RemoteRefUpdate(
                    git.repository(),
                    null,
                    next == null ? ObjectId.zeroId() : next,
                    name,
                    true,
                    null,
                    old == null ? ObjectId.zeroId() : old);
        } catch (IOException e) {
            throw new GitOpsException("cannot prepare the push of " + name + ": " + e.getMessage(), e);
        }
    }

    private PushResult send(List<RemoteRefUpdate> updates) {
        try (Transport transport = connections.open()) {
            transport.setPushAtomic(true);
            return transport.push(NullProgressMonitor.INSTANCE, updates);
        } catch (IOException e) {
            throw connections.failure("cannot push to ", e);
        }
    }

    private long backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_NANOS, 2_000_000L << Math.min(attempt, 10));
        return jitter.nextLong(ceiling);
    }
}
