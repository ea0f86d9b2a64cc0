package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.sops.SopsException;
import dev.countersign.stack.StackException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The contract's file rules, applied to a draft commit before it is approved or recorded, as the verifier
 * applies them to a recorded commit: secrets files change only by a human acting for itself and stay
 * encrypted, and rendered files are exactly what the draft's stack (or environment) renders to, so what a
 * reviewer reads in the stack is what the reconciler applies.
 */
final class DraftFiles {
    private DraftFiles() {}

    static Optional<Ruling> stack(
            GitStore git, Proposal r, Subject.StackChange s, CommitId draft, List<String> changed) {
        String folder = Layout.stackFolder(s.environment(), s.stack());
        SortedMap<String, byte[]> files = new TreeMap<>();
        git.read(draft, folder + "/" + StackLayout.SECRETS)
                .ifPresent(content -> files.put(folder + "/" + StackLayout.SECRETS, content));
        git.read(draft, SecretRules.fluxSecret(folder))
                .ifPresent(content -> files.put(SecretRules.fluxSecret(folder), content));
        return SecretRules.broken(folder, changed, files, r.proposer().name(), delegator(r), r.reverts() != null)
                .or(() -> rendered(() -> RenderedCheck.differences(git, draft, s.environment(), s.stack())))
                .or(() -> sharedRules(git, s, draft, changed))
                .or(() -> RenderedNames.broken(git, draft, s));
    }

    static Optional<Ruling> environment(GitStore git, Proposal r, Subject.EnvironmentChange e, CommitId draft) {
        List<String> changed = git.changedPaths(r.header().base(), draft);
        return SecretRules.brokenByEnvironmentChange(
                        changed,
                        path -> git.read(draft, path).orElse(null),
                        r.proposer().name(),
                        delegator(r),
                        r.reverts() != null)
                .or(() -> sameStacks(git, r, e, draft))
                .or(() -> rendered(() -> EnvironmentRendering.differences(git, draft, e.environment())))
                .or(() -> RenderedNames.broken(git, draft, e));
    }

    private static Optional<Ruling> sameStacks(GitStore git, Proposal r, Subject.EnvironmentChange e, CommitId draft) {
        List<String> before = EnvironmentRendering.stacks(git, r.header().base(), e.environment());
        return before.equals(EnvironmentRendering.stacks(git, draft, e.environment()))
                ? Optional.empty()
                : RecordScope.deny("the draft of environment " + e.environment()
                        + " adds or removes stacks: an environment change may only render them again");
    }

    private static Optional<Ruling> rendered(Supplier<List<String>> differences) {
        List<String> problems;
        try {
            problems = differences.get();
        } catch (GitOpsException | StackException | SopsException e) {
            problems = List.of("cannot be rendered again: " + e.getMessage());
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(new Ruling(
                        dev.countersign.gitops.Verdict.DENY,
                        RenderedCheck.RULE,
                        "the draft's rendered files differ from what its stack renders to: " + problems));
    }

    /** The shared rules are rendered by every stack alike; a draft removes them only with the last stack. */
    private static Optional<Ruling> sharedRules(
            GitStore git, Subject.StackChange s, CommitId draft, List<String> changed) {
        String shared = RenderedLayout.sharedRules(s.environment());
        if (!changed.contains(shared)) {
            return Optional.empty();
        }
        byte[] want =
                RenderedLayout.expected(git, draft, s.environment(), s.stack()).get(shared);
        byte[] have = git.read(draft, shared).orElse(null);
        boolean lastStackGone = have == null
                && git.children(draft, "environments/" + s.environment()).isEmpty();
        return (want != null && java.util.Arrays.equals(want, have)) || (want == null && lastStackGone)
                ? Optional.empty()
                : RecordScope.deny("the draft changes the shared sops rules " + shared
                        + " to something its stack does not render");
    }

    private static @Nullable String delegator(Proposal r) {
        var onBehalfOf = r.proposer().onBehalfOf();
        return onBehalfOf == null ? null : onBehalfOf.name();
    }
}
