package dev.countersign.gitops;

import java.util.Objects;

/**
 * Why a push's update of one ref is refused, as {@link ReceiveCheck} decides it. The ref name is the pushed
 * one; the message names commits, rules and principals, never a secret value. Immutable.
 *
 * @param ref the refused ref (or {@code (push)} for what refuses the push as a whole, such as too many updates)
 * @param rule the broken rule, such as {@code not-fast-forward}, {@code append-only} or a verifier finding's
 *     rule ({@code missing-trailers}, {@code approval-not-in-record}, ...)
 * @param message what is wrong, in one line
 */
public record Refusal(String ref, String rule, String message) {
    /** The ref named by a refusal of the push as a whole. */
    public static final String PUSH = "(push)";

    /**
     * Checks the parts.
     *
     * @param ref the refused ref
     * @param rule the broken rule
     * @param message what is wrong
     */
    public Refusal {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Returns the refusal as the one line a hook prints: {@code <ref>: <rule>: <message>}, with control
     * characters replaced so that nothing pushed can write to the pusher's terminal.
     *
     * @return the line, without line end
     */
    @Override
    public String toString() {
        return printable(ref + ": " + rule + ": " + message);
    }

    private static String printable(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return line.toString();
    }
}
