/**
 * JMH benchmarks of Countersign, one package per area (for example {@code
 * dev.countersign.benchmarks.dag}), each measured side by side with its peers.
 */
@NullMarked
package dev.countersign.benchmarks;

import org.jspecify.annotations.NullMarked;
