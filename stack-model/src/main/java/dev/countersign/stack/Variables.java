package dev.countersign.stack;

import java.util.Map;

/** Checks of variable maps. */
final class Variables {
    private Variables() {}

    /** Validates names and deep-copies the values. */
    static Map<String, Object> checked(Map<String, Object> variables, String pointer) {
        variables.keySet().forEach(Names::variable);
        return Values.freezeMap(variables, pointer);
    }
}
