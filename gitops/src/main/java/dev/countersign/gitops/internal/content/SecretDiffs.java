package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.SecretDiff;
import dev.countersign.gitops.internal.Fingerprints;
import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.gitops.internal.git.GitStore;
import java.util.List;
import java.util.Map;

/** The secret variables of a stack, recorded and proposed, with their status and salted fingerprints. */
final class SecretDiffs {
    private SecretDiffs() {}

    static List<SecretDiff> of(
            GitStore git, CommitId base, CommitId draft, String environment, String stack, Map<String, String> status) {
        Map<String, String> before = fingerprints(git, base, environment, stack);
        Map<String, String> after = fingerprints(git, draft, environment, stack);
        return new java.util.TreeMap<>(status)
                .entrySet().stream()
                        .map(entry -> new SecretDiff(
                                entry.getKey(),
                                Change.of(entry.getValue()),
                                before.get(entry.getKey()),
                                after.get(entry.getKey())))
                        .toList();
    }

    private static Map<String, String> fingerprints(GitStore git, CommitId commit, String environment, String stack) {
        return git.read(commit, Layout.fileIn(Layout.stackFolder(environment, stack), StackLayout.FINGERPRINTS))
                .<Map<String, String>>map(Fingerprints::read)
                .orElse(Map.of());
    }
}
