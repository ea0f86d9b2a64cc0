/**
 * Extension points of the render module: {@link dev.countersign.render.spi.LayoutRenderer} turns a
 * stack resolved for an environment into the files recorded in the repository.
 */
@NullMarked
package dev.countersign.render.spi;

import org.jspecify.annotations.NullMarked;
