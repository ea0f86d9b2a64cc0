package dev.countersign.sops.internal;

/** The null value; never encrypted and never part of the MAC. */
public enum NullNode implements Node {
    /** The single null. */
    INSTANCE
}
