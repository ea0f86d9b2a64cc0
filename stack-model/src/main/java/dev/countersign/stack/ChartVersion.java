package dev.countersign.stack;

import java.util.regex.Pattern;

/** What a chart version and a chart digest must look like: exact, so the approval binds the chart. */
final class ChartVersion {
    /** Semantic Versioning 2.0.0, with the leading {@code v} many charts use. */
    static final Pattern EXACT = Pattern.compile("v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-(0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)(\\.(0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*)?"
            + "(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    /** A content digest of an OCI manifest. */
    static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private static final int MAX_QUOTED = 64;

    private ChartVersion() {}

    static boolean isExact(String version) {
        return EXACT.matcher(version).matches();
    }

    /** Quotes a value for a message: at most 64 characters, control characters escaped. */
    static String quote(String value) {
        var out = new StringBuilder("'");
        value.codePoints().limit(MAX_QUOTED).forEach(c -> {
            if (Character.isISOControl(c) || c == '\'') {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(value.codePointCount(0, value.length()) > MAX_QUOTED ? "…'" : "'")
                .toString();
    }
}
