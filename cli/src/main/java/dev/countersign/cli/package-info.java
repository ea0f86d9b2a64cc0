/**
 * The {@code countersign} command: {@link dev.countersign.cli.Countersign} is the root command, and
 * each subcommand is its own class.
 */
@NullMarked
package dev.countersign.cli;

import org.jspecify.annotations.NullMarked;
