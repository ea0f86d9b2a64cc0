package dev.countersign.gitops.content;

/**
 * One line of a unified diff hunk: kept (context), added or removed. Immutable.
 *
 * @param kind what the line is
 * @param text the line, without its line end
 */
public record DiffLine(Kind kind, String text) {
    /** What a diff line is. */
    public enum Kind {
        /** A line both sides have, shown around changes. */
        CONTEXT(' '),
        /** A line only the new side has. */
        ADDED('+'),
        /** A line only the old side has. */
        REMOVED('-');

        private final char mark;

        Kind(char mark) {
            this.mark = mark;
        }

        /**
         * Returns the mark that starts the line in unified diff text.
         *
         * @return a space, {@code +} or {@code -}
         */
        public char mark() {
            return mark;
        }
    }

    /**
     * Returns the line as unified diff text: its mark, then the text.
     *
     * @return for example {@code +  replicas: 3}
     */
    public String unified() {
        return kind.mark() + text;
    }
}
