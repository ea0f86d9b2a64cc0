package dev.countersign.mcp.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas of the tools' arguments and results. */
final class Schemas {
    static final Map<String, Object> ENVIRONMENT = string("the environment's name, such as staging");
    static final Map<String, Object> STACK_NAME = string("the stack's name");
    static final Map<String, Object> STACK_DOCUMENT = string("the stack document (kind: Stack) as YAML or JSON text");
    static final Map<String, Object> ID = string("a proposal id, such as p-3f9c1a0b7e21");

    private Schemas() {}

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> input(Map<String, Object> properties, String... required) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(required));
        return schema;
    }

    static Map<String, Object> proposing(String key, Map<String, Object> value) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("environment", ENVIRONMENT);
        properties.put(key, value);
        properties.put("rationale", string("why: the model's reason, shown to the human reviewer"));
        properties.put(
                "evidence",
                Map.of(
                        "type",
                        "array",
                        "items",
                        Map.of("type", "string"),
                        "description",
                        "links or notes backing the rationale"));
        properties.put("insight", insight());
        return properties;
    }

    /** The optional observation a proposal answers, as {@code Insight.parse} reads it. */
    private static Map<String, Object> insight() {
        var evidence = Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "metric", string("what was measured, such as node_memory_utilisation"),
                        "window", string("over how long: 30m, 6h, 7d, 1w or ISO-8601 such as PT6H"),
                        "values",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Map.of("type", "number"),
                                        "description",
                                        "the values in time order")),
                "required",
                List.of("metric", "window", "values"));
        return Map.of(
                "type",
                "object",
                "description",
                "optional: the observation this change answers (e.g. memory pressure), with its numbers; shown to"
                        + " the human reviewer. It changes nothing about who may approve.",
                "properties",
                Map.of(
                        "summary", string("what was observed and what it suggests, one line"),
                        "confidence", Map.of("type", "number", "minimum", 0, "maximum", 1),
                        "evidence", Map.of("type", "array", "items", evidence)),
                "required",
                List.of("summary", "confidence", "evidence"));
    }

    static Map<String, Object> patching() {
        var properties = proposing("stack", STACK_NAME);
        properties.put("patch", patch());
        return properties;
    }

    static Map<String, Object> revising() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("id", ID);
        properties.put("stack", STACK_DOCUMENT);
        properties.put("patch", patch());
        return properties;
    }

    private static Map<String, Object> patch() {
        return Map.of(
                "type", "array",
                "description", "an RFC 6902 JSON Patch against the recorded stack",
                "items",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                        "op",
                                                Map.of(
                                                        "type",
                                                        "string",
                                                        "enum",
                                                        List.of("add", "remove", "replace", "move", "copy", "test")),
                                        "path", Map.of("type", "string"),
                                        "from", Map.of("type", "string"),
                                        "value", Map.of()),
                                "required",
                                List.of("op", "path")));
    }
}
