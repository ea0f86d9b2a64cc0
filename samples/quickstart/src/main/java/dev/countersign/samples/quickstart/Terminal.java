package dev.countersign.samples.quickstart;

import java.io.PrintStream;

/** Where the story is told: step headings, outcomes and indented details, in ANSI colour or plain. */
final class Terminal {
    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String DIM = "\u001b[2m";
    private static final String OFF = "\u001b[0m";

    private final PrintStream out;
    private final boolean colour;
    private int steps;

    Terminal(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    void title(String text) {
        out.println(paint(BOLD, text));
    }

    void step(String text) {
        steps++;
        out.println();
        out.println(paint(BOLD, "== " + steps + ". " + text));
    }

    void ok(String text) {
        out.println(paint(GREEN, "✓ " + text));
    }

    void refused(String text) {
        out.println(paint(RED, "✗ " + text));
    }

    void detail(String text) {
        out.println(("  " + text).stripTrailing());
    }

    void quiet(String text) {
        out.println(paint(DIM, "  " + text));
    }

    void blank() {
        out.println();
    }

    void failed(String text) {
        out.println();
        out.println(paint(RED + BOLD, "quickstart failed: " + text));
    }

    private String paint(String style, String text) {
        return colour ? style + text + OFF : text;
    }
}
