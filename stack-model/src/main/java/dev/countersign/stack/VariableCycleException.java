package dev.countersign.stack;

import java.util.List;

/** Variable values reference each other in a cycle, so none of them has a value. */
public final class VariableCycleException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The cycle this exception reports. */
    private final List<String> cycle;

    /**
     * Creates the exception.
     *
     * @param cycle the variables on the cycle, first and last equal ({@code a, b, a})
     */
    public VariableCycleException(List<String> cycle) {
        super("variable cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    /**
     * Returns the cycle as a path whose first and last element are the same variable.
     *
     * @return the variables on the cycle
     */
    public List<String> cycle() {
        return cycle;
    }
}
