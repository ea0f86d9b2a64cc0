package dev.countersign.policy;

import java.util.Arrays;
import java.util.List;

/**
 * A glob over JSON pointers: {@code *} matches one segment (or part of one), {@code **} any number of
 * segments, including none.
 */
record PointerGlob(String pattern, List<String> segments) {
    PointerGlob {
        segments = List.copyOf(segments);
    }

    static PointerGlob parse(String pattern) {
        if (!pattern.startsWith("/") && !pattern.startsWith("**")) {
            throw new IllegalArgumentException("must start with '/' or '**'");
        }
        String body = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        List<String> segments = Arrays.asList(body.split("/", -1));
        if (segments.stream().anyMatch(s -> s.contains("**") && !s.equals("**"))) {
            throw new IllegalArgumentException("'**' must be a whole segment");
        }
        return new PointerGlob(pattern, segments);
    }

    boolean matches(String pointer) {
        List<String> target = pointer.isEmpty()
                ? List.of()
                : Arrays.asList(pointer.substring(1).split("/", -1));
        return matches(0, target, 0);
    }

    private boolean matches(int p, List<String> target, int t) {
        if (p == segments.size()) {
            return t == target.size();
        }
        String segment = segments.get(p);
        if (segment.equals("**")) {
            return matches(p + 1, target, t) || (t < target.size() && matches(p, target, t + 1));
        }
        return t < target.size() && segmentMatches(segment, target.get(t)) && matches(p + 1, target, t + 1);
    }

    private static boolean segmentMatches(String glob, String segment) {
        if (!glob.contains("*")) {
            return glob.equals(segment);
        }
        String regex = Arrays.stream(glob.split("\\*", -1))
                .map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + "[^/]*" + b)
                .orElse("");
        return segment.matches(regex);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
