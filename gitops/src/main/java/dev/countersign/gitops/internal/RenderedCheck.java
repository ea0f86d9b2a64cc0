package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Renders a recorded stack again from its commit and compares the result, byte for byte, with the files the
 * commit holds: a hand edit of {@code clusters/…}, {@code apps/…} or {@code argocd/…} shows up as a difference.
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
        return compare(expected, actual);
    }

    /**
     * Compares the files a commit should hold with those it holds.
     *
     * @param expected path to the content rendering gives
     * @param actual path to the content the commit holds
     * @return {@code extra PATH}, {@code missing PATH} or {@code changed PATH} for each difference, in path order
     */
    static List<String> compare(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(actual.keySet());
        for (String path : paths) {
            byte[] want = expected.get(path);
            byte[] have = actual.get(path);
            if (want == null) {
                problems.add("extra " + path);
            } else if (have == null) {
                problems.add("missing " + path);
            } else if (!Arrays.equals(want, have)) {
                problems.add("changed " + path);
            }
        }
        return problems;
    }
}
