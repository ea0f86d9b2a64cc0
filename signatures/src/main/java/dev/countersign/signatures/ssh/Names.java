package dev.countersign.signatures.ssh;

/** Makes untrusted names safe to quote in a message: printable ASCII only, at most 64 characters. */
public final class Names {
    private static final int LIMIT = 64;

    private Names() {}

    /**
     * Quotes untrusted text safely.
     *
     * @param text the text
     * @return at most 64 characters, each non-printable one replaced by {@code ?}, and {@code ...} when cut
     */
    public static String bounded(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(LIMIT).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return text.length() > LIMIT ? out + "..." : out.toString();
    }
}
