package dev.countersign.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each variable of a stack lands: every value that references it, directly or through the
 * defaults of other variables (a default {@code ${b}} of a variable used at a place makes {@code b}
 * land there too). Keys of maps are never substituted, so a reference in a key is no use.
 */
final class VariablePlaces {
    private VariablePlaces() {}

    static Map<String, Set<Location>> of(Stack stack) {
        Map<String, Set<Location>> places = new LinkedHashMap<>();
        for (Component component : stack.components()) {
            String key = component.source().key();
            walk(component.source().toTree(), new Location(component.name(), "/" + key), places);
        }
        spreadThroughDefaults(stack.variables(), places);
        Map<String, Set<Location>> frozen = new LinkedHashMap<>();
        places.forEach((name, at) -> frozen.put(name, Collections.unmodifiableSet(at)));
        return Collections.unmodifiableMap(frozen);
    }

    private static void walk(Object node, Location at, Map<String, Set<Location>> places) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, child(at, (String) key), places));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), child(at, Integer.toString(i)), places);
            }
        } else if (node instanceof String text && Template.isTemplated(text)) {
            Template.parse(text, at.pointer())
                    .references()
                    .forEach(ref -> places.computeIfAbsent(ref.name(), n -> new LinkedHashSet<>())
                            .add(at));
        }
    }

    private static void spreadThroughDefaults(Map<String, Object> defaults, Map<String, Set<Location>> places) {
        Map<String, Set<String>> referenced = new LinkedHashMap<>();
        defaults.forEach((name, value) -> {
            Set<String> names = new LinkedHashSet<>();
            Renderer.collect(value, names);
            referenced.put(name, names);
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> entry : referenced.entrySet()) {
                Set<Location> from = places.getOrDefault(entry.getKey(), Set.of());
                for (String inner : entry.getValue()) {
                    grew |= places.computeIfAbsent(inner, n -> new LinkedHashSet<>())
                            .addAll(from);
                }
            }
        }
    }

    private static Location child(Location at, String token) {
        return new Location(at.component(), at.pointer() + "/" + Pointers.escape(token));
    }
}
