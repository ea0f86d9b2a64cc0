/**
 * Extension points of the render module: {@link dev.countersign.render.spi.LayoutRenderer} turns a
 * stack resolved for an environment into the files recorded in the repository;
 * {@link dev.countersign.render.spi.TopologyRenderer} turns an environment's cluster topology into them.
 */
@NullMarked
package dev.countersign.render.spi;

import org.jspecify.annotations.NullMarked;
