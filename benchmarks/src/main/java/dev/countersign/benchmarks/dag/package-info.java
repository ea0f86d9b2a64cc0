/**
 * Benchmarks of {@code dev.countersign.dag}: order and waves against JGraphT's {@code
 * TopologicalOrderIterator} and a plain array-based Kahn floor.
 */
@NullMarked
package dev.countersign.benchmarks.dag;

import org.jspecify.annotations.NullMarked;
