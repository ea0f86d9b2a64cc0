/**
 * QuickTheories generators ({@link org.quicktheories.core.Gen}) of random dependency graphs
 * ({@link dev.countersign.testkit.DagGen}), stacks and environments ({@link dev.countersign.testkit.StackGen})
 * and principals, policies and requests ({@link dev.countersign.testkit.PolicyGen}), for hosts' own
 * property tests. Every generated value is valid and stays valid while QuickTheories shrinks it.
 */
@NullMarked
package dev.countersign.testkit;

import org.jspecify.annotations.NullMarked;
