package dev.countersign.sops.internal;

import dev.countersign.limits.InputLimits;

/**
 * Cuts a config value (a regex, a recipient; never a secrets-file key or value) to {@link InputLimits#QUOTED_CHARS}
 * characters before a message quotes it, naming the full length when cut.
 */
public final class Prefix {
    private Prefix() {}

    /**
     * Returns the text, or its prefix and length when longer than the limit.
     *
     * @param text a value read from a config file
     * @return text safe to quote in a message
     */
    public static String of(String text) {
        return text.length() <= InputLimits.QUOTED_CHARS
                ? text
                : text.substring(0, InputLimits.QUOTED_CHARS) + "...(" + text.length() + " characters)";
    }
}
