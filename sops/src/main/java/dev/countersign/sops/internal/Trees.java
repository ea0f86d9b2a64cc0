package dev.countersign.sops.internal;

import dev.countersign.sops.SopsException;
import dev.countersign.sops.ValuePath;
import java.util.ArrayList;
import java.util.List;

/** Finds and replaces values in a document by {@link ValuePath}. */
public final class Trees {
    private Trees() {}

    /**
     * Finds a value.
     *
     * @param document the document
     * @param path the path
     * @return the value
     * @throws SopsException when the path leads nowhere
     */
    public static Node find(MapNode document, ValuePath path) {
        Node node = document;
        for (Object step : path.steps()) {
            node = child(node, step, path);
        }
        return node;
    }

    private static Node child(Node node, Object step, ValuePath path) {
        if (step instanceof String key && node instanceof MapNode map) {
            return map.get(key).orElseThrow(() -> missing(path));
        }
        if (step instanceof Integer index && node instanceof ListNode list) {
            List<Node> values = values(list);
            if (index < values.size()) {
                return values.get(index);
            }
        }
        throw missing(path);
    }

    private static List<Node> values(ListNode list) {
        return list.elements().stream().filter(e -> !(e instanceof Comment)).toList();
    }

    private static SopsException missing(ValuePath path) {
        return new SopsException("no value at " + path);
    }

    /**
     * Sets a value, creating missing map keys.
     *
     * @param document the document
     * @param path the path
     * @param value the new value
     * @return the changed document
     */
    public static MapNode set(MapNode document, ValuePath path, Node value) {
        return (MapNode) set(document, path.steps(), 0, value, path);
    }

    private static Node set(Node node, List<Object> steps, int at, Node value, ValuePath path) {
        if (at == steps.size()) {
            return value;
        }
        Object step = steps.get(at);
        if (step instanceof String key && node instanceof MapNode map) {
            return setInMap(map, key, steps, at, value, path);
        }
        if (step instanceof Integer index && node instanceof ListNode list) {
            return setInList(list, index, steps, at, value, path);
        }
        throw new SopsException("cannot set " + path + ": step " + (at + 1) + " does not match the document's shape");
    }

    private static Node setInMap(MapNode map, String key, List<Object> steps, int at, Node value, ValuePath path) {
        List<Item> items = new ArrayList<>(map.items());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Pair pair && pair.key().equals(key)) {
                items.set(i, new Pair(key, set(pair.value(), steps, at + 1, value, path)));
                return new MapNode(items);
            }
        }
        items.add(new Pair(key, set(new MapNode(List.of()), steps, at + 1, value, path)));
        return new MapNode(items);
    }

    private static Node setInList(ListNode list, int index, List<Object> steps, int at, Node value, ValuePath path) {
        List<Node> elements = new ArrayList<>(list.elements());
        int seen = -1;
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof Comment) && ++seen == index) {
                elements.set(i, set(elements.get(i), steps, at + 1, value, path));
                return new ListNode(elements);
            }
        }
        if (index == seen + 1) {
            elements.add(set(new MapNode(List.of()), steps, at + 1, value, path));
            return new ListNode(elements);
        }
        throw new SopsException("cannot set " + path + ": list index " + index + " is out of range");
    }

    /**
     * Parses a JSON value (as {@code sops set} takes it).
     *
     * @param json the value, e.g. {@code "text"}, {@code 5}, {@code {"a": 1}}
     * @return the value as a node
     */
    public static Node parseJsonValue(String json) {
        return JsonReader.parseObject("{\"v\": " + json + "}").get("v").orElseThrow();
    }
}
