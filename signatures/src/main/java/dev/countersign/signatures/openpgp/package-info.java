/** OpenPGP internals of the signatures module: reading key blocks and naming keys; not exported. */
@NullMarked
package dev.countersign.signatures.openpgp;

import org.jspecify.annotations.NullMarked;
