package dev.countersign.mcp.internal;

import dev.countersign.limits.InputLimits;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The arguments of one tool call, checked at the boundary: at most {@link #MAX_CHARS} characters as
 * JSON and {@link InputLimits#DEPTH} levels deep (the nesting limit of stack files). Identity arguments are
 * not read: the principal comes from the server's configuration only. Immutable.
 */
public final class Arguments {
    /** The largest arguments of one call, as JSON characters: 1 MiB, far above any stack document. */
    public static final int MAX_CHARS = InputLimits.TOOL_ARGUMENT_CHARS;

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode tree;

    private Arguments(JsonNode tree) {
        this.tree = tree;
    }

    /**
     * Checks and wraps a call's arguments.
     *
     * @param arguments the arguments as the SDK decoded them
     * @return the arguments
     * @throws ArgumentException if they exceed the size or nesting limit
     */
    public static Arguments of(Map<String, Object> arguments) {
        String json = JSON.writeValueAsString(arguments);
        if (json.length() > MAX_CHARS) {
            throw new ArgumentException(
                    "arguments: " + json.length() + " characters, more than the limit of " + MAX_CHARS);
        }
        JsonNode tree = JSON.readTree(json);
        if (depth(tree) > InputLimits.DEPTH) {
            throw new ArgumentException("arguments: nested deeper than the limit of " + InputLimits.DEPTH);
        }
        return new Arguments(tree);
    }

    /**
     * Reads a required string argument.
     *
     * @param name the argument's name
     * @return its value
     * @throws ArgumentException if it is missing, empty or not a string
     */
    public String text(String name) {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw new ArgumentException(name + ": required, a non-empty string");
        }
        return value;
    }

    /**
     * Reads an optional string argument.
     *
     * @param name the argument's name
     * @return its value, or null when absent
     * @throws ArgumentException if it is present but not a string
     */
    public @Nullable String optionalText(String name) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new ArgumentException(name + ": must be a string");
        }
        return node.asString();
    }

    /**
     * Reads an optional list of strings.
     *
     * @param name the argument's name
     * @return the strings, empty when absent
     * @throws ArgumentException if it is not an array of strings
     */
    public List<String> texts(String name) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ArgumentException(name + ": must be an array of strings");
        }
        var out = new java.util.ArrayList<String>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new ArgumentException(name + ": must be an array of strings");
            }
            out.add(item.asString());
        }
        return out;
    }

    /**
     * Reads a required JSON argument as a tree.
     *
     * @param name the argument's name
     * @return the tree
     * @throws ArgumentException if it is missing
     */
    public JsonNode tree(String name) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            throw new ArgumentException(name + ": required");
        }
        return node;
    }

    /**
     * Reads an optional JSON object argument as its JSON text.
     *
     * @param name the argument's name
     * @return the object's JSON text, or null when absent
     * @throws ArgumentException if it is present but not an object
     */
    public @Nullable String optionalObjectJson(String name) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new ArgumentException(name + ": must be an object");
        }
        return JSON.writeValueAsString(node);
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainer() ? deepest + 1 : 0;
    }
}
