/**
 * Renderers that lay out a resolved stack as Flux or Argo CD objects, and an environment's topology as
 * Cluster API objects, obtained from
 * {@link dev.countersign.render.Renderers}.
 */
@NullMarked
package dev.countersign.render;

import org.jspecify.annotations.NullMarked;
