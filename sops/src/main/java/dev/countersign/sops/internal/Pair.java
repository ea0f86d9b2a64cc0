package dev.countersign.sops.internal;

/**
 * A mapping entry.
 *
 * @param key the key, exactly as parsed
 * @param value the value
 */
public record Pair(String key, Node value) implements Item {}
