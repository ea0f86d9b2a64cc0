package dev.countersign.sops.internal;

/** An item of a mapping: a key with its value, or a comment line. */
public sealed interface Item permits Pair, Comment {}
