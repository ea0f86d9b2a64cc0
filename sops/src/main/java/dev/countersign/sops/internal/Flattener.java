package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The flat metadata of dotenv and INI: nested keys joined with {@code __map_} and {@code __list_N}. */
final class Flattener {
    private static final Pattern STEP = Pattern.compile("__list_(\\d+)|__map_");

    private Flattener() {}

    static Map<String, String> flatten(MapNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Item item : map.items()) {
            if (item instanceof Pair pair) {
                flatten(pair.key(), pair.value(), out);
            }
        }
        return out;
    }

    private static void flatten(String prefix, Node node, Map<String, String> out) {
        if (node instanceof MapNode map) {
            for (Item item : map.items()) {
                if (item instanceof Pair pair) {
                    flatten(prefix + "__map_" + pair.key(), pair.value(), out);
                }
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.elements().size(); i++) {
                flatten(prefix + "__list_" + i, list.elements().get(i), out);
            }
        } else if (node instanceof Scalar scalar) {
            out.put(
                    prefix,
                    scalar.type() == ValueType.BOOL ? scalar.text().toLowerCase(java.util.Locale.ROOT) : scalar.text());
        }
    }

    static MapNode unflatten(Map<String, String> flat) {
        Map<String, Object> root = new TreeMap<>();
        flat.forEach((key, value) -> put(root, key, value));
        return (MapNode) toNode(root);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, String value) {
        List<Object> steps = steps(key);
        Map<Object, Object> container = (Map<Object, Object>) (Map<?, ?>) root;
        for (int i = 0; i < steps.size() - 1; i++) {
            boolean list = steps.get(i + 1) instanceof Integer;
            Object child = container.computeIfAbsent(steps.get(i), k -> new TreeMap<>());
            if (!(child instanceof Map)) {
                throw new MalformedFileException(
                        "flattened sops metadata key " + Redacted.path(key) + " clashes with another key");
            }
            container = (Map<Object, Object>) child;
            if (!container.isEmpty() && (container.keySet().iterator().next() instanceof Integer) != list) {
                throw new MalformedFileException(
                        "flattened sops metadata key " + Redacted.path(key) + " mixes lists and maps");
            }
        }
        container.put(steps.get(steps.size() - 1), value);
    }

    private static List<Object> steps(String key) {
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(key);
        int start = 0;
        boolean pendingName = true;
        while (m.find()) {
            if (pendingName) {
                steps.add(key.substring(start, m.start()));
            }
            pendingName = m.group(1) == null;
            if (!pendingName) {
                steps.add(index(key, m.group(1)));
            }
            start = m.end();
        }
        if (pendingName) {
            steps.add(key.substring(start));
        }
        return steps;
    }

    private static Integer index(String key, String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            // found by fuzzing: an index beyond the int range
            throw new MalformedFileException(
                    "flattened sops metadata key " + Redacted.path(key) + " has a list index beyond the int range");
        }
    }

    private static Node toNode(Object value) {
        if (value instanceof String text) {
            return Scalar.str(text);
        }
        Map<?, ?> map = (Map<?, ?>) value;
        if (!map.isEmpty() && map.keySet().iterator().next() instanceof Integer) {
            List<Node> elements = new ArrayList<>();
            int expected = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!e.getKey().equals(expected++)) {
                    throw new MalformedFileException(
                            "incomplete list in flattened sops metadata: index " + (expected - 1) + " is missing");
                }
                elements.add(toNode(e.getValue()));
            }
            return new ListNode(elements);
        }
        List<Item> items = new ArrayList<>();
        map.forEach((k, v) -> items.add(new Pair((String) k, toNode(v))));
        return new MapNode(items);
    }
}
