/**
 * The layout of a Countersign repository as rendering sees it: the native files of a stack folder, the files a
 * stack's reconciler renderer writes beside it, and their paths. Shared with the gitops module only; not an API.
 */
@NullMarked
package dev.countersign.render.layout;

import org.jspecify.annotations.NullMarked;
