package dev.countersign.gitops;

import dev.countersign.limits.InputLimits;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ref update of a push, as git hands it to a {@code pre-receive} hook: {@code <old> <new> <ref>}, where
 * an id of zeros means the ref does not exist (before a create, after a delete). Immutable.
 *
 * @param oldId the ref's value before the push (40 or 64 hexadecimal digits; zeros when it is created)
 * @param newId the ref's value after the push (zeros when it is deleted)
 * @param ref the full ref name, such as {@code refs/heads/main}
 */
public record PushedRef(String oldId, String newId, String ref) {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ZERO = Pattern.compile("0+");
    private static final int MAX_REF_LENGTH = InputLimits.REF_NAME_CHARS;

    /**
     * Checks the parts.
     *
     * @param oldId the value before the push
     * @param newId the value after the push
     * @param ref the full ref name
     * @throws IllegalArgumentException if an id is not hexadecimal of a Git hash's length, or the ref name is
     *     empty, longer than 1024 characters, not under {@code refs/} or holds spaces or control characters
     */
    public PushedRef {
        requireId(Objects.requireNonNull(oldId, "oldId"), "old");
        requireId(Objects.requireNonNull(newId, "newId"), "new");
        Objects.requireNonNull(ref, "ref");
        if (ref.length() > MAX_REF_LENGTH
                || !ref.startsWith("refs/")
                || ref.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(
                    "invalid ref name in a push: must start with refs/, hold no space or control character and"
                            + " have at most " + MAX_REF_LENGTH + " characters");
        }
    }

    /**
     * Parses one line of git's {@code pre-receive} input.
     *
     * @param line {@code <old> <new> <ref>}, without the line end
     * @return the update
     * @throws IllegalArgumentException if the line is not three fields as git writes them
     */
    public static PushedRef parse(String line) {
        String[] fields = line.split(" ", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("invalid pre-receive line: must be '<old> <new> <ref>'");
        }
        return new PushedRef(fields[0], fields[1], fields[2]);
    }

    /**
     * Tells whether the push creates the ref.
     *
     * @return true when the old value is zeros
     */
    public boolean isCreate() {
        return ZERO.matcher(oldId).matches();
    }

    /**
     * Tells whether the push deletes the ref.
     *
     * @return true when the new value is zeros
     */
    public boolean isDelete() {
        return ZERO.matcher(newId).matches();
    }

    private static void requireId(String id, String which) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "invalid " + which + " id in a push: must be 40 or 64 lower-case hexadecimal digits");
        }
    }
}
