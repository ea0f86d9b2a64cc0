package dev.countersign.gitops.internal.git;

/**
 * The id of a Git tree, as the domain passes it between writing and hashing a tree. Immutable.
 *
 * @param name the hexadecimal id
 */
public record TreeId(String name) {}
