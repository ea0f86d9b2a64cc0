/**
 * A generic, immutable dependency graph ({@link dev.countersign.dag.Dag}) that answers what deploys
 * first, in which waves, what a change touches, and why a graph is not acyclic.
 */
@NullMarked
package dev.countersign.dag;

import org.jspecify.annotations.NullMarked;
