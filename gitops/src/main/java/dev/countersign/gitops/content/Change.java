package dev.countersign.gitops.content;

import java.util.Locale;

/** What a proposal does to one thing it shows: a component, a file, a secret or a chart. */
public enum Change {
    /** Absent before, present after. */
    ADDED('+'),
    /** Present before and after, with other content. */
    CHANGED('~'),
    /** Changed by a revert, back to an earlier value. */
    REVERTED('~'),
    /** Present before and after with the same content. */
    UNCHANGED(' '),
    /** Present before, absent after. */
    REMOVED('-');

    private final char mark;

    Change(char mark) {
        this.mark = mark;
    }

    /**
     * Returns the one-character mark of the change in a text diff.
     *
     * @return {@code +}, {@code -}, {@code ~} or a space
     */
    public char mark() {
        return mark;
    }

    /**
     * Returns the lower-case name used in text and JSON ({@code added}).
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label back.
     *
     * @param label a label such as {@code added}
     * @return the change
     * @throws IllegalArgumentException if the label names no change
     */
    public static Change of(String label) {
        for (Change change : values()) {
            if (change.label().equals(label)) {
                return change;
            }
        }
        throw new IllegalArgumentException(
                "unknown change '" + label + "': must be one of added, changed," + " reverted, unchanged, removed");
    }

    /**
     * Tells the change between two optional contents.
     *
     * @param before whether there was content before
     * @param after whether there is content after
     * @param same whether the contents are equal (read only when both exist)
     * @return the change
     */
    public static Change between(boolean before, boolean after, boolean same) {
        if (!before) {
            return ADDED;
        }
        if (!after) {
            return REMOVED;
        }
        return same ? UNCHANGED : CHANGED;
    }
}
