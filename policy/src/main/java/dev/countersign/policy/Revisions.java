package dev.countersign.policy;

import java.util.regex.Pattern;

/** Revisions that name one content forever: a Git commit, a content digest or an exact SemVer tag. */
final class Revisions {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern SEMVER = Pattern.compile("v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-(0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)(\\.(0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*)?"
            + "(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    private static final int MAX_QUOTED = 80;

    private Revisions() {}

    static boolean isImmutable(String revision) {
        return COMMIT.matcher(revision).matches() || isDigest(revision) || isExactVersion(revision);
    }

    static boolean isDigest(String revision) {
        return DIGEST.matcher(revision).matches();
    }

    static boolean isExactVersion(String version) {
        return SEMVER.matcher(version).matches();
    }

    /** Quotes text from a manifest for a message: bounded, control characters escaped. */
    static String quote(String text) {
        var out = new StringBuilder("'");
        text.codePoints().limit(MAX_QUOTED).forEach(c -> {
            if (Character.isISOControl(c) || c == '\'') {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(text.codePointCount(0, text.length()) > MAX_QUOTED ? "…'" : "'")
                .toString();
    }
}
