package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendering found variables with no value in any scope and no inline default; nothing was rendered.
 */
public final class UndefinedVariableException extends StackException {
    private static final long serialVersionUID = 1L;

    /** The undefined this exception reports. */
    private final Map<String, List<Location>> undefined;

    /**
     * Creates the exception.
     *
     * @param undefined every undefined variable with every location that uses it; not empty
     */
    public UndefinedVariableException(Map<String, List<Location>> undefined) {
        super(describe(undefined));
        var copy = new LinkedHashMap<String, List<Location>>();
        undefined.forEach((name, uses) -> copy.put(name, List.copyOf(uses)));
        this.undefined = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the first undefined variable.
     *
     * @return its name
     */
    public String variable() {
        return undefined.keySet().iterator().next();
    }

    /**
     * Returns every undefined variable with the locations that use it, in document order.
     *
     * @return variable name to locations
     */
    public Map<String, List<Location>> undefined() {
        return undefined;
    }

    private static String describe(Map<String, List<Location>> undefined) {
        if (undefined.isEmpty()) {
            throw new IllegalArgumentException("no undefined variables given");
        }
        var parts = new ArrayList<String>();
        undefined.forEach((name, uses) -> parts.add("'" + name + "' used at " + uses));
        return "undefined variable " + String.join("; ", parts)
                + " (no value in stack defaults, environment or overrides, and no inline default)";
    }
}
