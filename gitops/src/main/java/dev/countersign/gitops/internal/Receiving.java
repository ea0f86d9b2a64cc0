package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.PushedRef;
import dev.countersign.gitops.Refusal;
import dev.countersign.gitops.Verification;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.approvals.ApproverKeyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The decision of a {@code pre-receive} hook on one push: the ref rules first (main never deleted,
 * {@code refs/countersign/*} never deleted, no stale old value), then, in a {@link ReceiveView} of the
 * repository as the push leaves it, fast-forwards, append-only proposal records, and the verifier on the
 * pushed main-line commits only. Anything that cannot be read or decided refuses: it fails closed.
 */
public final class Receiving {
    private static final String COUNTERSIGN = "refs/countersign/";

    private final Path repository;
    private final List<Path> objects;
    private final @Nullable OpenPgpCertificates trusted;
    private final @Nullable ApproverKeyring approvers;
    private final int maxCommits;
    private final Clock clock;

    /**
     * Creates the decision over a bare repository.
     *
     * @param repository the bare repository (its Git directory)
     * @param objects the directories of the pushed objects (git's quarantine), possibly none
     * @param trusted the keys every pushed main-line commit must be signed by, or null
     * @param approvers each approver's keys every approval must be signed with, or null
     * @param maxCommits the most new main-line commits verified per push
     * @param clock the server's clock, which judges freeze windows at push time
     */
    public Receiving(
            Path repository,
            List<Path> objects,
            @Nullable OpenPgpCertificates trusted,
            @Nullable ApproverKeyring approvers,
            int maxCommits,
            Clock clock) {
        this.repository = repository;
        this.objects = List.copyOf(objects);
        this.trusted = trusted;
        this.approvers = approvers;
        this.maxCommits = maxCommits;
        this.clock = clock;
    }

    /**
     * Decides a push.
     *
     * @param updates the push's ref updates
     * @return one refusal per refused ref
     * @throws GitOpsException if the repository is missing or cannot be read
     */
    public List<Refusal> check(List<PushedRef> updates) {
        List<PushedRef> guarded =
                updates.stream().filter(u -> isGuarded(u.ref())).toList();
        if (guarded.isEmpty()) {
            return List.of();
        }
        SortedMap<String, CommitId> current = currentRefs();
        SortedMap<String, CommitId> after = new TreeMap<>(current);
        List<Refusal> refusals = new ArrayList<>();
        List<PushedRef> readable = new ArrayList<>();
        for (PushedRef update : guarded) {
            Optional<Refusal> refused = refRules(update, current);
            refused.ifPresentOrElse(refusals::add, () -> readable.add(update));
            if (update.isDelete()) {
                after.remove(update.ref());
            } else {
                after.put(update.ref(), new CommitId(update.newId()));
            }
        }
        if (!readable.isEmpty()) {
            try (ReceiveView view = ReceiveView.of(objectDirectories(), after)) {
                readable.forEach(update -> objectRules(view.git(), update).ifPresent(refusals::add));
            }
        }
        return refusals;
    }

    private static boolean isGuarded(String ref) {
        return ref.equals(Refs.MAIN) || ref.startsWith(COUNTERSIGN);
    }

    private SortedMap<String, CommitId> currentRefs() {
        if (!Files.isDirectory(repository.resolve("objects")) || !Files.isDirectory(repository.resolve("refs"))) {
            throw new GitOpsException("no bare Git repository at " + repository);
        }
        try (GitStore server = GitStore.open(repository)) {
            SortedMap<String, CommitId> refs = new TreeMap<>(server.refs(COUNTERSIGN));
            server.resolve(Refs.MAIN).ifPresent(main -> refs.put(Refs.MAIN, main));
            return refs;
        }
    }

    private List<Path> objectDirectories() {
        Set<Path> directories = new LinkedHashSet<>();
        objects.forEach(path -> directories.add(path.toAbsolutePath().normalize()));
        directories.add(repository.resolve("objects").toAbsolutePath().normalize());
        return List.copyOf(directories);
    }

    private static Optional<Refusal> refRules(PushedRef update, SortedMap<String, CommitId> current) {
        Optional<String> now = Optional.ofNullable(current.get(update.ref())).map(CommitId::name);
        Optional<String> expected = update.isCreate() ? Optional.empty() : Optional.of(update.oldId());
        if (!now.equals(expected)) {
            return refusal(
                    update,
                    "stale-update",
                    "the push expects " + expected.map(Receiving::abbreviated).orElse("no ref")
                            + " but the server holds "
                            + now.map(Receiving::abbreviated).orElse("no ref"));
        }
        if (update.isDelete()) {
            return update.ref().equals(Refs.MAIN)
                    ? refusal(update, "delete-main", "main holds the record and may not be deleted")
                    : refusal(update, "append-only", "proposal records may not be deleted");
        }
        return Optional.empty();
    }

    private Optional<Refusal> objectRules(GitStore git, PushedRef update) {
        try {
            return update.ref().equals(Refs.MAIN) ? mainRules(git, update) : recordRules(git, update);
        } catch (RuntimeException e) {
            return refusal(update, "unverifiable", "the pushed commits cannot be read or verified: " + e.getMessage());
        }
    }

    private static Optional<Refusal> recordRules(GitStore git, PushedRef update) {
        CommitId next = new CommitId(update.newId());
        git.commitInfo(next);
        if (!update.isCreate() && !git.isAncestor(new CommitId(update.oldId()), next)) {
            return refusal(
                    update,
                    "append-only",
                    "rewrites the proposal record: " + abbreviated(update.oldId()) + " is not an ancestor of "
                            + abbreviated(update.newId()));
        }
        return Optional.empty();
    }

    private Optional<Refusal> mainRules(GitStore git, PushedRef update) {
        CommitId next = new CommitId(update.newId());
        @Nullable CommitId old = update.isCreate() ? null : new CommitId(update.oldId());
        if (old != null && !git.isAncestor(old, next)) {
            return refusal(
                    update,
                    "not-fast-forward",
                    "rewrites main: " + abbreviated(old.name()) + " is not an ancestor of " + abbreviated(next.name()));
        }
        if (exceedsCommits(git, next, old)) {
            return refusal(
                    update, "too-many-commits", "a push may add at most " + maxCommits + " commits to main at once");
        }
        Verification verification =
                new Verifier(git, PolicyAuthority.source()).verify(old == null ? null : old.name(), trusted, approvers);
        return verification.findings().stream()
                .findFirst()
                .map(first -> unverified(update, first, verification))
                .or(() -> PushFreeze.check(git, update, old, clock.instant()));
    }

    private boolean exceedsCommits(GitStore git, CommitId head, @Nullable CommitId stop) {
        CommitId at = head;
        for (int count = 1; count <= maxCommits; count++) {
            List<CommitId> parents = git.commitInfo(at).parents();
            if (parents.isEmpty() || parents.get(0).equals(stop)) {
                return false;
            }
            at = parents.get(0);
        }
        return true;
    }

    private static Refusal unverified(PushedRef update, Finding first, Verification verification) {
        int more = verification.findings().size() - 1;
        String rules = verification.findings().stream()
                .skip(1)
                .map(Finding::rule)
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return new Refusal(
                update.ref(),
                first.rule(),
                "commit " + abbreviated(first.commit()) + " does not verify: " + first.message()
                        + (more == 0 ? "" : " (and " + more + " more findings: " + rules + ")"));
    }

    private static Optional<Refusal> refusal(PushedRef update, String rule, String message) {
        return Optional.of(new Refusal(update.ref(), rule, message));
    }

    private static String abbreviated(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }
}
