/**
 * The proposal lifecycle behind the public API: drafting, deciding, recording, recovery and the verifier, over a
 * ledger of proposals kept in Git through {@code internal.git}; not an API.
 */
@NullMarked
package dev.countersign.gitops.internal;

import org.jspecify.annotations.NullMarked;
