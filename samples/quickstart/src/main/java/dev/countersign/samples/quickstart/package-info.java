/**
 * The quickstart: a plain {@code main} that embeds Countersign and tells its contract as a story, from an
 * empty directory to a verified Git history, failing when any step does not behave as told.
 */
@NullMarked
package dev.countersign.samples.quickstart;

import org.jspecify.annotations.NullMarked;
