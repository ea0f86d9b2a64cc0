/**
 * Extension point for host-defined rules, which can add denials or required approvals but never lift
 * a built-in rule.
 */
@NullMarked
package dev.countersign.policy.spi;

import org.jspecify.annotations.NullMarked;
