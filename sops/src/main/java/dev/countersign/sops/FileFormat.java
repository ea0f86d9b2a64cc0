package dev.countersign.sops;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats (sops "stores") a SOPS file can have. */
public enum FileFormat {
    /** YAML, with comments, key order and multiple documents. */
    YAML,
    /** JSON; one top-level object. */
    JSON,
    /** dotenv {@code KEY=VALUE} lines. */
    DOTENV,
    /** INI sections. */
    INI,
    /** Any bytes, encrypted as one value in a JSON file. */
    BINARY;

    /**
     * Detects the format from a file name like sops: {@code .yaml}/{@code .yml}, {@code .json},
     * {@code .env}, {@code .ini}, anything else binary.
     *
     * @param file the file
     * @return the format
     */
    public static FileFormat of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".env")) {
            return DOTENV;
        }
        return lower.endsWith(".ini") ? INI : BINARY;
    }

    /**
     * Parses a format name as the sops {@code --input-type} flag takes it.
     *
     * @param name {@code yaml}, {@code json}, {@code dotenv}, {@code ini} or {@code binary}
     * @return the format
     * @throws IllegalArgumentException when the name is unknown
     */
    public static FileFormat named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "yaml", "yml" -> YAML;
            case "json" -> JSON;
            case "dotenv", "env" -> DOTENV;
            case "ini" -> INI;
            case "binary" -> BINARY;
            default ->
                throw new IllegalArgumentException(
                        "unknown file format '" + name + "': must be yaml, json, dotenv, ini or binary");
        };
    }
}
