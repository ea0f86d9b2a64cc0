package dev.countersign.render.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares, byte for byte, the files a commit should hold with those it holds. */
public final class FileDifferences {
    private FileDifferences() {}

    /**
     * Compares the files a commit should hold with those it holds.
     *
     * @param expected path to the content rendering gives
     * @param actual path to the content the commit holds
     * @return {@code extra PATH}, {@code missing PATH} or {@code changed PATH} for each difference, in path order
     */
    public static List<String> compare(Map<String, byte[]> expected, Map<String, byte[]> actual) {
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
