package dev.countersign.stack;

import java.util.List;

/** The components' {@code dependsOn} edges form a cycle, so no deploy order exists. */
public final class DependencyCycleException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The cycle this exception reports. */
    private final List<String> cycle;

    /**
     * Creates the exception.
     *
     * @param cycle the components on the cycle, first and last equal ({@code a, b, a})
     */
    public DependencyCycleException(List<String> cycle) {
        super("dependency cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    /**
     * Creates the exception from the graph library's report of the cycle.
     *
     * @param cycle the components on the cycle, first and last equal ({@code a, b, a})
     * @param cause the graph library's exception
     */
    public DependencyCycleException(List<String> cycle, Throwable cause) {
        super("dependency cycle: " + String.join(" -> ", cycle), cause);
        this.cycle = List.copyOf(cycle);
    }

    /**
     * Returns the cycle as a path whose first and last element are the same component.
     *
     * @return the components on the cycle
     */
    public List<String> cycle() {
        return cycle;
    }
}
