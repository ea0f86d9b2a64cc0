/**
 * The stack model: a {@link dev.countersign.stack.Stack} of components, the
 * {@link dev.countersign.stack.Environment}s it is rendered for, and the operations a reviewer needs
 * (validate, render, diff, hash, clone).
 */
@NullMarked
package dev.countersign.stack;

import org.jspecify.annotations.NullMarked;
