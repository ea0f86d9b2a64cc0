package dev.countersign.cli;

import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.DiffLine;

/**
 * How text lines are coloured: ANSI colours on a terminal (green added, red removed, yellow changed, cyan hunk
 * headers), or not at all.
 *
 * @param on whether to write ANSI escape codes
 */
record Palette(boolean on) {
    static final Palette PLAIN = new Palette(false);

    private static final String RESET = "\u001b[0m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    /** The line in the colour of a change. */
    String change(Change change, String line) {
        return switch (change) {
            case ADDED -> paint(GREEN, line);
            case REMOVED -> paint(RED, line);
            case CHANGED, REVERTED -> paint(YELLOW, line);
            case UNCHANGED -> line;
        };
    }

    /** A diff line in the colour of its kind. */
    String line(DiffLine.Kind kind, String line) {
        return switch (kind) {
            case ADDED -> paint(GREEN, line);
            case REMOVED -> paint(RED, line);
            case CONTEXT -> line;
        };
    }

    /** A hunk header line. */
    String hunk(String line) {
        return paint(CYAN, line);
    }

    private String paint(String colour, String line) {
        return on ? colour + line + RESET : line;
    }
}
