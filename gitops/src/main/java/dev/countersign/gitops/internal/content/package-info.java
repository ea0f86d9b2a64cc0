/** Builds the content views of a proposal ({@link dev.countersign.gitops.content.ContentView}) from Git. */
@NullMarked
package dev.countersign.gitops.internal.content;

import org.jspecify.annotations.NullMarked;
