package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** RFC 6901 JSON pointers over plain value trees. */
final class Pointers {
    private Pointers() {}

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException(
                    "invalid JSON pointer '" + Excerpt.of(pointer) + "': must start with '/'");
        }
        var tokens = new ArrayList<String>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** Returns the value at a pointer, or null when the pointer leads nowhere. */
    static @Nullable Object get(Object tree, String pointer) {
        Object current = tree;
        for (String token : tokens(pointer)) {
            current = child(current, token);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Returns whether a pointer equals another or lies inside it (or the other way round). */
    static boolean overlaps(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    /** Returns a copy of the tree with the value at the pointer replaced (or removed when null). */
    static Object with(Object tree, String pointer, @Nullable Object value) {
        return with(tree, tokens(pointer), 0, value);
    }

    private static Object with(Object tree, List<String> tokens, int at, @Nullable Object value) {
        if (at == tokens.size()) {
            return value == null ? tree : value;
        }
        String token = tokens.get(at);
        boolean last = at == tokens.size() - 1;
        if (tree instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put((String) k, v));
            Object old = copy.get(token);
            if (last && value == null) {
                copy.remove(token);
            } else {
                copy.put(token, with(old == null ? Map.of() : old, tokens, at + 1, value));
            }
            return copy;
        }
        if (tree instanceof List<?> list) {
            var copy = new ArrayList<Object>(list);
            int index = Integer.parseInt(token);
            if (last && value == null) {
                copy.remove(index);
            } else if (index == copy.size()) {
                copy.add(with(Map.of(), tokens, at + 1, value));
            } else {
                copy.set(index, with(copy.get(index), tokens, at + 1, value));
            }
            return copy;
        }
        throw new IllegalArgumentException("pointer leads through a scalar at token '" + Excerpt.of(token) + "'");
    }

    private static @Nullable Object child(Object node, String token) {
        if (node instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (node instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")) {
            int index = Integer.parseInt(token);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }
}
