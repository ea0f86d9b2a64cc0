/**
 * Extension points of the gitops module: {@link dev.countersign.gitops.spi.LayoutRenderer} turns a
 * stack resolved for an environment into the files recorded in the repository.
 */
@NullMarked
package dev.countersign.gitops.spi;

import org.jspecify.annotations.NullMarked;
