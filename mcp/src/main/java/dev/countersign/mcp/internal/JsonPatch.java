package dev.countersign.mcp.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON Patch over Jackson trees: {@code add}, {@code remove}, {@code replace}, {@code move},
 * {@code copy} and {@code test}. A patch applies to a deep copy, all or nothing. Thread-safe (stateless).
 */
public final class JsonPatch {
    private JsonPatch() {}

    /**
     * Applies a patch.
     *
     * @param document the document; not changed
     * @param patch the patch, an array of operation objects
     * @return the patched copy
     * @throws ArgumentException if the patch is malformed, a path does not exist, or a test fails
     */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        if (!patch.isArray()) {
            throw new ArgumentException("patch: must be a JSON Patch array (RFC 6902)");
        }
        JsonNode result = document.deepCopy();
        for (int i = 0; i < patch.size(); i++) {
            result = applyOne(result, patch.get(i), i);
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op, int index) {
        if (!op.isObject()) {
            throw new ArgumentException("patch[" + index + "]: must be an object with 'op' and 'path'");
        }
        String name = text(op, "op", index);
        List<String> path = pointer(text(op, "path", index), index);
        return switch (name) {
            case "add" -> add(doc, path, value(op, index), index);
            case "remove" -> remove(doc, path, index).document();
            case "replace" -> add(remove(doc, path, index).document(), path, value(op, index), index);
            case "move" -> move(doc, pointer(text(op, "from", index), index), path, index);
            case "copy" ->
                add(
                        doc,
                        path,
                        get(doc, pointer(text(op, "from", index), index), index).deepCopy(),
                        index);
            case "test" -> test(doc, path, value(op, index), index);
            default ->
                throw new ArgumentException(
                        "patch[" + index + "]: unknown op '" + name + "' (add, remove, replace, move, copy, test)");
        };
    }

    private static JsonNode move(JsonNode doc, List<String> from, List<String> to, int index) {
        if (to.size() > from.size() && to.subList(0, from.size()).equals(from)) {
            throw new ArgumentException("patch[" + index + "]: cannot move a value into itself");
        }
        Removed removed = remove(doc, from, index);
        return add(removed.document(), to, removed.value(), index);
    }

    private static JsonNode test(JsonNode doc, List<String> path, JsonNode expected, int index) {
        if (!get(doc, path, index).equals(expected)) {
            throw new ArgumentException("patch[" + index + "]: test failed at " + render(path));
        }
        return doc;
    }

    private static JsonNode add(JsonNode doc, List<String> path, JsonNode value, int index) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), index);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int at = last.equals("-") ? array.size() : arrayIndex(last, array.size() + 1, path, index);
            array.insert(at, value);
        } else {
            throw missing(path, index);
        }
        return doc;
    }

    private static Removed remove(JsonNode doc, List<String> path, int index) {
        if (path.isEmpty()) {
            throw new ArgumentException("patch[" + index + "]: cannot remove the whole document");
        }
        JsonNode parent = get(doc, path.subList(0, path.size() - 1), index);
        String last = path.get(path.size() - 1);
        JsonNode removed;
        if (parent instanceof ObjectNode object && object.has(last)) {
            removed = object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            removed = array.remove(arrayIndex(last, array.size(), path, index));
        } else {
            throw missing(path, index);
        }
        return new Removed(doc, removed);
    }

    private static JsonNode get(JsonNode doc, List<String> path, int index) {
        JsonNode node = doc;
        for (int i = 0; i < path.size(); i++) {
            String token = path.get(i);
            JsonNode next = node.isArray()
                    ? node.get(arrayIndex(token, node.size(), path.subList(0, i + 1), index))
                    : node.isObject() ? node.get(token) : null;
            if (next == null) {
                throw missing(path.subList(0, i + 1), index);
            }
            node = next;
        }
        return node;
    }

    private static int arrayIndex(String token, int bound, List<String> path, int index) {
        if (!token.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(token) >= bound) {
            throw missing(path, index);
        }
        return Integer.parseInt(token);
    }

    static List<String> pointer(String text, int index) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (!text.startsWith("/")) {
            throw new ArgumentException("patch[" + index + "]: path '" + text + "' must start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String text(JsonNode op, String field, int index) {
        JsonNode node = op.get(field);
        if (node == null || !node.isString()) {
            throw new ArgumentException("patch[" + index + "]: '" + field + "' must be a string");
        }
        return node.asString();
    }

    private static JsonNode value(JsonNode op, int index) {
        JsonNode node = op.get("value");
        if (node == null) {
            throw new ArgumentException("patch[" + index + "]: 'value' is required for this op");
        }
        return node.deepCopy();
    }

    private static ArgumentException missing(List<String> path, int index) {
        return new ArgumentException("patch[" + index + "]: no value at " + render(path));
    }

    private static String render(List<String> path) {
        StringBuilder out = new StringBuilder();
        path.forEach(t -> out.append('/').append(t.replace("~", "~0").replace("/", "~1")));
        return out.length() == 0 ? "the root" : out.toString();
    }

    private record Removed(JsonNode document, JsonNode value) {}
}
