package dev.countersign.policy;

import dev.countersign.stack.Location;
import dev.countersign.stack.Stack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The variable defaults of one version of a stack ({@code spec.variables}) and where each variable
 * lands (see {@link Stack#variablePlaces()}).
 */
record StackVariables(Map<String, JsonNode> defaults, Map<String, Set<Location>> places) {
    static final StackVariables NONE = new StackVariables(Map.of(), Map.of());

    StackVariables {
        defaults = Map.copyOf(defaults);
        places = Map.copyOf(places);
    }

    static StackVariables of(Stack stack) {
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        stack.variables().forEach((name, value) -> defaults.put(name, Canonical.JSON.valueToTree(value)));
        return new StackVariables(defaults, stack.variablePlaces());
    }

    Set<Location> placesOf(String variable) {
        return places.getOrDefault(variable, Set.of());
    }
}
