/**
 * The bounds on hostile input ({@link dev.countersign.limits.InputLimits}), shared by every reader: stacks and
 * environments, policy, SOPS stores, signatures and keys, MCP tool arguments. The lowest module of the project;
 * it depends on nothing.
 */
@NullMarked
package dev.countersign.limits;

import org.jspecify.annotations.NullMarked;
