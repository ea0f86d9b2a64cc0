package dev.countersign.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plain value trees of an {@link InfrastructureTemplate}: their check, and the substitution of placeholders. */
final class Placeholders {
    static final String SERVER_TYPE = "${serverType}";
    static final String LOCATION = "${location}";
    private static final Pattern ANY = Pattern.compile("\\$\\{([^}]*)}");
    private static final int MAX_DEPTH = 32;
    private static final int EXCERPT = 64;

    private Placeholders() {}

    static Map<String, Object> checkedMap(Map<?, ?> map, String where) {
        return java.util.Collections.unmodifiableMap(checkedEntries(map, where, 0));
    }

    /** Copies the entries sorted by key, so that the rendered bytes do not depend on the order the host used. */
    private static Map<String, Object> checkedEntries(Map<?, ?> map, String where, int depth) {
        var copy = new java.util.TreeMap<String, Object>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new RenderException(where + " has a key that is not text");
            }
            copy.put(name, checked(value, where + "/" + name, depth + 1));
        });
        return copy;
    }

    private static Object checked(Object value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new RenderException(where + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Map<?, ?> map) {
            return java.util.Collections.unmodifiableMap(checkedEntries(map, where, depth));
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(checked(list.get(i), where + "/" + i, depth + 1));
            }
            return List.copyOf(copy);
        }
        if (value instanceof String text) {
            requireKnown(text, where);
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new RenderException(where + " must be a map, a list, text, a number or a boolean");
    }

    private static void requireKnown(String text, String where) {
        Matcher placeholder = ANY.matcher(text);
        while (placeholder.find()) {
            String found = placeholder.group();
            if (!found.equals(SERVER_TYPE) && !found.equals(LOCATION)) {
                throw new RenderException(where + " has the unknown placeholder '" + excerpt(found)
                        + "': the known ones are " + SERVER_TYPE + " and " + LOCATION);
            }
        }
    }

    static Map<String, Object> substituted(Map<String, Object> spec, String serverType, String location) {
        var copy = new LinkedHashMap<String, Object>();
        spec.forEach((key, value) -> copy.put(key, substitutedValue(value, serverType, location)));
        return copy;
    }

    private static Object substitutedValue(Object value, String serverType, String location) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, item) -> copy.put((String) key, substitutedValue(item, serverType, location)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(item -> substitutedValue(item, serverType, location))
                    .toList();
        }
        if (value instanceof String text) {
            return text.replace(SERVER_TYPE, serverType).replace(LOCATION, location);
        }
        return value;
    }

    static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }
}
