package dev.countersign.dag;

import java.util.Objects;

/**
 * A dependency between two nodes: {@code dependent} needs {@code dependency}, so the dependency deploys
 * first.
 *
 * @param dependent the node that needs the other
 * @param dependency the node that is needed
 * @param <N> the node type
 */
public record Edge<N>(N dependent, N dependency) {
    /**
     * Creates an edge.
     *
     * @param dependent the node that needs the other
     * @param dependency the node that is needed
     */
    public Edge {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
    }

    /** Returns the edge as {@code dependent -> dependency}. */
    @Override
    public String toString() {
        return dependent + " -> " + dependency;
    }
}
