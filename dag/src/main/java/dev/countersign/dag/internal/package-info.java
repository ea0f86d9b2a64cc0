/**
 * Int-indexed graph algorithms behind {@code Dag}; not exported from the module and not API.
 */
@NullMarked
package dev.countersign.dag.internal;

import org.jspecify.annotations.NullMarked;
