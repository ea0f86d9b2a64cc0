package dev.countersign.sops.internal;

/** A node of a document tree: a mapping, a sequence, a scalar, a null or a comment. */
public sealed interface Node permits MapNode, ListNode, Scalar, NullNode, Comment {}
