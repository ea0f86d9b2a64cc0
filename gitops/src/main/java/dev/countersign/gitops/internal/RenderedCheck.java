package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.layout.FileDifferences;
import java.util.List;
import java.util.SortedMap;

/**
 * Renders a recorded stack again from its commit and compares the result, byte for byte, with the files the
 * commit holds: a hand edit of {@code clusters/…}, {@code apps/…}, {@code argocd/…} or of the stack folder's
 * own {@code rendered.yaml} ({@link FolderRendering}) shows up as a difference.
 */
final class RenderedCheck {
    /** The finding rule of a rendered file that differs, is missing, or is extra. */
    static final String RULE = "rendered-files-mismatch";

    private RenderedCheck() {}

    /**
     * Lists the differences between what the commit records for a stack and what its renderer writes.
     *
     * @return one entry per path: {@code changed <path>}, {@code missing <path>} or {@code extra <path>}
     */
    static List<String> differences(GitStore git, CommitId commit, String environment, String stack) {
        SortedMap<String, byte[]> expected = RenderedLayout.expected(git, commit, environment, stack);
        SortedMap<String, byte[]> actual = RenderedLayout.owned(git, git.tree(commit), environment, stack);
        actual.remove(RenderedLayout.fluxSecret(environment, stack));
        String shared = RenderedLayout.sharedRules(environment);
        if (expected.containsKey(shared)) {
            git.read(commit, shared).ifPresent(content -> actual.put(shared, content));
        }
        List<String> problems = new java.util.ArrayList<>(FolderRendering.differences(git, commit, environment, stack));
        problems.addAll(FileDifferences.compare(expected, actual));
        return problems;
    }
}
