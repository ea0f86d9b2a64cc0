/**
 * The Git adapter: objects, refs, trees, commits and trailers of a local repository, and fetch and push to a
 * remote with compare-and-swap, all through JGit. The lifecycle in {@code dev.countersign.gitops.internal} sees
 * Git only through these types.
 */
@NullMarked
package dev.countersign.gitops.internal.git;

import org.jspecify.annotations.NullMarked;
