package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which values and variables of a stack are secret. */
final class SecretPlaces {
    private SecretPlaces() {}

    /** Returns every secret location of a stack. */
    static List<Location> locations(Stack stack) {
        var locations = new ArrayList<Location>();
        for (Component component : stack.components()) {
            component.secretPointers().forEach(pointer -> locations.add(new Location(component.name(), pointer)));
        }
        return locations;
    }

    /** Returns every variable reference in the components, in document order. */
    static List<VariableReference> references(Stack stack) {
        var references = new ArrayList<VariableReference>();
        for (Component component : stack.components()) {
            String key = component.source().key();
            walk(component.source().toTree(), new Location(component.name(), "/" + key), references);
        }
        return List.copyOf(references);
    }

    /**
     * Returns the secret variables and every variable whose value, in any of the given scopes,
     * references one of them (transitively): using such a variable carries the secret along.
     */
    static Set<String> carriers(Stack stack, List<Map<String, Object>> scopes) {
        var carriers = new LinkedHashSet<>(variables(stack));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map<String, Object> scope : scopes) {
                for (Map.Entry<String, Object> entry : scope.entrySet()) {
                    var names = new LinkedHashSet<String>();
                    Renderer.collect(entry.getValue(), names);
                    if (names.stream().anyMatch(carriers::contains)) {
                        grew |= carriers.add(entry.getKey());
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(carriers);
    }

    private static void walk(Object node, Location at, List<VariableReference> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, child(at, String.valueOf(key)), out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), child(at, Integer.toString(i)), out);
            }
        } else if (node instanceof String text && Template.isTemplated(text)) {
            Template.parse(text, at.pointer())
                    .references()
                    .forEach(ref -> out.add(new VariableReference(at, ref.name())));
        }
    }

    private static Location child(Location at, String token) {
        return new Location(at.component(), at.pointer() + "/" + Pointers.escape(token));
    }

    /** Returns the variables referenced at secret locations: their values are secret too. */
    static List<String> variables(Stack stack) {
        var names = new LinkedHashSet<String>();
        for (Component component : stack.components()) {
            Object tree = component.toTree();
            for (String pointer : component.secretPointers()) {
                Object value = Pointers.get(tree, pointer);
                if (value != null) {
                    Renderer.collect(value, names);
                }
            }
        }
        return List.copyOf(names);
    }
}
