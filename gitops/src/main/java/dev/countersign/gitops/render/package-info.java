/**
 * Renderers that lay out a resolved stack as Flux or Argo CD objects, obtained from
 * {@link dev.countersign.gitops.render.Renderers}.
 */
@NullMarked
package dev.countersign.gitops.render;

import org.jspecify.annotations.NullMarked;
