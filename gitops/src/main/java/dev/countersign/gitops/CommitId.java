package dev.countersign.gitops;

import java.util.regex.Pattern;

/**
 * The id of a Git commit: 40 (SHA-1) or 64 (SHA-256) lower-case hexadecimal digits. Immutable.
 *
 * @param name the hexadecimal id
 */
public record CommitId(String name) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    /**
     * Checks the id.
     *
     * @param name see the record component
     * @throws IllegalArgumentException if {@code name} is not 40 or 64 lower-case hexadecimal digits
     */
    public CommitId {
        if (!HEX.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid commit id '" + name + "': must be 40 or 64 lower-case hexadecimal digits");
        }
    }

    /**
     * Returns the hexadecimal id.
     *
     * @return the id
     */
    @Override
    public String toString() {
        return name;
    }
}
