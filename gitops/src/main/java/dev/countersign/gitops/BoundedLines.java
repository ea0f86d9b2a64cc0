package dev.countersign.gitops;

import dev.countersign.limits.InputLimits;
import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/** Reads {@code \n}-ended lines of bounded length, so that no input makes a hook buffer without limit. */
final class BoundedLines {
    static final int MAX_LINE = InputLimits.HOOK_LINE_CHARS;

    private final Reader reader;

    BoundedLines(Reader reader) {
        this.reader = reader;
    }

    /** Returns the next line without its end, or null at the end of the input. */
    @Nullable
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c != '\n'; c = reader.read()) {
            if (c == -1) {
                return line.length() == 0 ? null : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IllegalArgumentException("a pre-receive line is longer than " + MAX_LINE + " characters");
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
