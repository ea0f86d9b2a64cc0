package dev.countersign.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Typed access to the fields of a map in a document, with errors that name the pointer. */
record Fields(Map<?, ?> map, String pointer) {
    static Fields of(Object tree, String pointer) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InvalidStackException(pointer, "expected a map, found " + kind(tree));
        }
        return new Fields(map, pointer);
    }

    Fields only(Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidStackException(
                        at(String.valueOf(key)),
                        "unknown field '" + Excerpt.of(String.valueOf(key)) + "' (allowed: " + sorted(allowed) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String string(String key) {
        Object value = required(key);
        if (!(value instanceof String text) || text.isEmpty()) {
            throw new InvalidStackException(at(key), "'" + key + "' must be a non-empty string");
        }
        return text;
    }

    Fields fields(String key) {
        return of(required(key), at(key));
    }

    Map<String, Object> map(String key) {
        Object value = map.get(key);
        return value == null ? Map.of() : Values.freezeMap(of(value, at(key)).map, at(key));
    }

    /** A map field that may hold Helm's explicit nulls. */
    Map<String, Object> mapWithNulls(String key) {
        Object value = map.get(key);
        return value == null ? Map.of() : Values.freezeMapWithNulls(of(value, at(key)).map, at(key));
    }

    List<Object> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidStackException(at(key), "'" + key + "' must be a list, found " + kind(value));
        }
        return new ArrayList<>(list);
    }

    List<String> strings(String key) {
        var out = new ArrayList<String>();
        List<Object> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String text)) {
                throw new InvalidStackException(at(key) + "/" + i, "'" + key + "' must hold strings");
            }
            out.add(text);
        }
        return out;
    }

    String at(String key) {
        return pointer + "/" + Pointers.escape(key);
    }

    private Object required(String key) {
        @Nullable Object value = map.get(key);
        if (value == null) {
            throw new InvalidStackException(pointer, "missing required field '" + key + "'");
        }
        return value;
    }

    static String kind(Object value) {
        if (value instanceof Map) {
            return "a map";
        }
        if (value == NullValue.NULL) {
            return "null";
        }
        return value instanceof List
                ? "a list"
                : "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
