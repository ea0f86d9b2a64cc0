/**
 * Signatures over bytes: parsing public keys, verifying a signature against a set of allowed keys, and
 * signing with a key the caller holds.
 */
@NullMarked
package dev.countersign.signatures;

import org.jspecify.annotations.NullMarked;
