package dev.countersign.dag;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Thrown when the dependencies form a cycle, so no node on it can ever deploy first.
 *
 * <p>{@link #cycle()} is one real cycle as a path: each node depends on the next, and the last node
 * is the first again, as in the message {@code dependency cycle: a -> b -> c -> a}. {@link
 * #components()} lists every strongly connected component that has a cycle, so all of them can be
 * fixed at once. Both are deterministic: they depend on the graph and the tie-break only.
 */
public final class CycleException extends DagException {
    private static final long serialVersionUID = 1L;

    /** One cycle as a closed path. */
    @SuppressWarnings("serial") // an immutable list of the caller's nodes
    private final List<Object> cycle;

    /** The cyclic strongly connected components. */
    @SuppressWarnings("serial") // immutable sets of the caller's nodes
    private final List<Set<Object>> components;

    CycleException(List<Object> cycle, List<Set<Object>> components) {
        super(message(cycle, components));
        this.cycle = List.copyOf(cycle);
        this.components = List.copyOf(components);
    }

    private static String message(List<Object> cycle, List<Set<Object>> components) {
        String path = cycle.stream().map(String::valueOf).collect(Collectors.joining(" -> "));
        int others = components.size() - 1;
        return others == 0
                ? "dependency cycle: " + path
                : "dependency cycle: " + path + " (and " + others + " more cyclic component" + (others == 1 ? "" : "s")
                        + ", see components())";
    }

    /**
     * Returns one cycle as a path in which each node depends on the next and the last node equals the
     * first.
     *
     * @return the cycle, at least three entries long
     */
    public List<Object> cycle() {
        return cycle;
    }

    /**
     * Returns every strongly connected component that has a cycle, each in tie-break order, ordered by
     * their first node; the first component contains {@link #cycle()}.
     *
     * @return the cyclic components, never empty
     */
    public List<Set<Object>> components() {
        return components;
    }
}
