package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.PushedRef;
import dev.countersign.gitops.Refusal;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.FreezeWindow;
import dev.countersign.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The freeze windows of a push to {@code main}, judged by the server's clock at push time: a pushed commit that
 * records a change in an environment which, under the policy at the commit's parent, is frozen now, is refused
 * by rule {@code freeze}, whatever date the commit carries. A host clock set forward (or back) to record during
 * a freeze cannot move the server's.
 */
final class PushFreeze {
    private final GitStore git;
    private final Instant now;
    private final Map<CommitId, Policy> policies = new HashMap<>();

    private PushFreeze(GitStore git, Instant now) {
        this.git = git;
        this.now = now;
    }

    /**
     * Judges the commits a push adds to main.
     *
     * @param git the repository as the push leaves it
     * @param update the update of main
     * @param old main before the push, or null when the push creates it
     * @param now the server's instant
     * @return the refusal of the first commit recorded in a frozen environment, if any
     */
    static Optional<Refusal> check(GitStore git, PushedRef update, @Nullable CommitId old, Instant now) {
        PushFreeze freeze = new PushFreeze(git, now);
        for (CommitInfo commit : git.firstParentLine(new CommitId(update.newId()), old)) {
            Optional<Refusal> refused = freeze.judge(update, commit);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> judge(PushedRef update, CommitInfo commit) {
        if (commit.parents().isEmpty()) {
            return Optional.empty();
        }
        CommitId parent = commit.parents().get(0);
        for (String environment : environments(commit, parent)) {
            for (FreezeWindow window : policyAt(parent).freezeWindows(environment)) {
                if (window.covers(now)) {
                    return Optional.of(new Refusal(update.ref(), "freeze", frozen(commit, environment, window)));
                }
            }
        }
        return Optional.empty();
    }

    /** The environments a commit records a change in: every one the parent defines for a policy change. */
    private java.util.List<String> environments(CommitInfo commit, CommitId parent) {
        java.util.List<String> named = commit.trailers().all(Trailers.ENVIRONMENT);
        if (!named.contains(dev.countersign.gitops.Subject.PolicyChange.EVERY_ENVIRONMENT)) {
            return named;
        }
        java.util.List<String> every = new java.util.ArrayList<>(PolicyChangeDecision.environments(git, parent));
        every.add(dev.countersign.gitops.Subject.PolicyChange.EVERY_ENVIRONMENT);
        return every;
    }

    private String frozen(CommitInfo commit, String environment, FreezeWindow window) {
        return "commit " + commit.id().name().substring(0, 12) + " records a change in " + environment + ", which is"
                + " frozen at " + now + " by the server's clock (the commit is dated " + commit.committedAt() + "): "
                + window;
    }

    private Policy policyAt(CommitId commit) {
        return policies.computeIfAbsent(
                commit,
                at -> Policy.parse(git.read(at, Layout.POLICY)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                        .orElseThrow(() -> new dev.countersign.gitops.GitOpsException(
                                "commit " + at.name() + " has no " + Layout.POLICY))));
    }
}
