package dev.countersign.render;

import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the plain value trees the renderers write, and their YAML encoding. */
final class ValueTrees {
    private ValueTrees() {}

    /** Returns an ordered map of alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Returns the documents as UTF-8 YAML separated by {@code ---}. */
    static byte[] yaml(List<?> documents) {
        return StackFiles.toYaml(documents).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns a deep, mutable copy of a plain value tree. */
    static Object mutableCopy(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> copy.put((String) key, mutableCopy(value)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(mutableCopy(item)));
            return copy;
        }
        return tree;
    }

    /** Removes the value a JSON pointer designates from a mutable tree, if it is there. */
    static void remove(Object tree, String pointer) {
        String[] segments = pointer.substring(1).split("/", -1);
        Object parent = tree;
        for (int i = 0; i < segments.length - 1 && parent != null; i++) {
            parent = child(parent, unescape(segments[i]));
        }
        String last = unescape(segments[segments.length - 1]);
        if (parent instanceof Map<?, ?> map) {
            map.remove(last);
        } else if (parent instanceof List<?> list && isIndex(last, list)) {
            list.remove(Integer.parseInt(last));
        }
    }

    /** Returns the value a JSON pointer designates in a tree, or null when there is none. */
    static @org.jspecify.annotations.Nullable Object get(Object tree, String pointer) {
        Object node = tree;
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (node == null) {
                return null;
            }
            node = child(node, unescape(segment));
        }
        return node;
    }

    private static @org.jspecify.annotations.Nullable Object child(Object parent, String segment) {
        if (parent instanceof Map<?, ?> map) {
            return map.get(segment);
        }
        if (parent instanceof List<?> list && isIndex(segment, list)) {
            return list.get(Integer.parseInt(segment));
        }
        return null;
    }

    private static boolean isIndex(String segment, List<?> list) {
        return segment.matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(segment) < list.size();
    }

    static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }
}
