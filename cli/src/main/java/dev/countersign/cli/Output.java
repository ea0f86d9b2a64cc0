package dev.countersign.cli;

import java.util.Locale;

/** The output formats of a command; spelled in lower case, as on the command line. */
enum Output {
    /** Human-readable text. */
    TEXT,
    /** JSON, for machines. */
    JSON,
    /** YAML, the same model as JSON. */
    YAML;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
