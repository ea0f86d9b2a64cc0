/** The SOPS file format's implementation: value cipher, MAC, tree walk, metadata and stores; not API. */
@NullMarked
package dev.countersign.sops.internal;

import org.jspecify.annotations.NullMarked;
