/**
 * Benchmarks of {@code dev.countersign.gitops}: recording one approved one-file change, beside the same
 * change recorded with {@code git} plumbing commands.
 */
@NullMarked
package dev.countersign.benchmarks.gitops;

import org.jspecify.annotations.NullMarked;
