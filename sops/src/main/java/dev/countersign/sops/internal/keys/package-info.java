/** Implementation of the built-in key sources (age, PGP) and Shamir secret sharing; not API. */
@NullMarked
package dev.countersign.sops.internal.keys;

import org.jspecify.annotations.NullMarked;
