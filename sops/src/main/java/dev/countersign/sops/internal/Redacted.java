package dev.countersign.sops.internal;

/**
 * Names the place of a value in a secrets file without quoting any key or value of the file.
 *
 * <p>A key of a secrets file may itself be a secret (a value written by mistake as a key, such as
 * {@code "hunter2": x}), so no message of this module quotes one: every message that locates a value
 * goes through here.
 */
final class Redacted {
    private Redacted() {}

    /** Describes a dotted key path by its depth and length only. */
    static String path(String path) {
        if (path.isEmpty()) {
            return "[top level]";
        }
        long levels = path.chars().filter(c -> c == '.').count() + 1;
        return "[key path not quoted: " + levels + (levels == 1 ? " level, " : " levels, ") + path.length()
                + " characters]";
    }
}
