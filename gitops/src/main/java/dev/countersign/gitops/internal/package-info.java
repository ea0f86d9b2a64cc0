/** The Git adapter of the gitops module (JGit behind package-private types); not an API. */
@NullMarked
package dev.countersign.gitops.internal;

import org.jspecify.annotations.NullMarked;
