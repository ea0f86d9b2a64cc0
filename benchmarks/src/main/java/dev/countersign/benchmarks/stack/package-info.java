/**
 * Benchmarks of {@code dev.countersign.stack}: rendering and hashing, each beside the floor of a
 * plain Jackson read and write of the same document.
 */
@NullMarked
package dev.countersign.benchmarks.stack;

import org.jspecify.annotations.NullMarked;
