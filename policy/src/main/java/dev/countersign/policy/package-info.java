/**
 * Who may do what to a stack: {@link dev.countersign.policy.Policy} files, {@link
 * dev.countersign.policy.Principal}s and a {@link dev.countersign.policy.PolicyEngine} whose {@link
 * dev.countersign.policy.Decision}s name the rule behind every denial.
 */
@NullMarked
package dev.countersign.policy;

import org.jspecify.annotations.NullMarked;
