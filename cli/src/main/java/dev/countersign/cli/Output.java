package dev.countersign.cli;

/** The output formats of a command. */
enum Output {
    /** Human-readable text. */
    TEXT,
    /** JSON, for machines. */
    JSON,
    /** YAML documents. */
    YAML
}
