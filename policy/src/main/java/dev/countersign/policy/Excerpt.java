package dev.countersign.policy;

import dev.countersign.limits.InputLimits;

/**
 * Makes input text safe to quote in a message: at most {@value #LIMIT} characters, control
 * characters replaced by {@code ?}, and the full length named when cut.
 *
 * <p>Every message of this module that quotes a value read from a policy goes through here, so a
 * hostile document cannot make an error message as large as itself.
 */
final class Excerpt {
    /** The most characters of an input value a message quotes. */
    static final int LIMIT = InputLimits.QUOTED_CHARS;

    /** The most characters of any message of this module (a backstop for composed messages). */
    static final int MESSAGE_LIMIT = InputLimits.MESSAGE_CHARS;

    private Excerpt() {}

    /** Returns at most {@value #LIMIT} characters of the text, naming its length when cut. */
    static String of(String text) {
        return cut(text, LIMIT, true);
    }

    /** Returns a message cut to {@value #MESSAGE_LIMIT} characters. */
    static String message(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : cut(message, MESSAGE_LIMIT, false);
    }

    /** Returns the first line of a parser's message, cut: later lines may quote the document. */
    static String firstLine(String message) {
        return cut(message.lines().findFirst().orElse(""), 160, true);
    }

    private static String cut(String text, int limit, boolean printable) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 32);
        text.codePoints()
                .limit(limit)
                .forEach(c -> out.appendCodePoint(printable && Character.isISOControl(c) ? '?' : c));
        int length = text.codePointCount(0, text.length());
        return length > limit ? out + "...(" + length + " characters)" : out.toString();
    }
}
