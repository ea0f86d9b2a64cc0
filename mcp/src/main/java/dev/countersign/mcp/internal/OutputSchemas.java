package dev.countersign.mcp.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the tools' structured content. Each names the result's properties and requires
 * either the tool's own keys or, for a refusal ({@code isError}), {@code rule} and {@code reason}.
 */
final class OutputSchemas {
    private static final Map<String, Object> STRING = Map.of("type", "string");
    private static final Map<String, Object> STRINGS = array(STRING);
    private static final Map<String, Object> OBJECT = Map.of("type", "object");
    private static final Map<String, Object> ARRAY = Map.of("type", "array");
    private static final List<String> PROPOSAL_KEYS =
            List.of("id", "state", "environment", "stack", "proposer", "review_url");

    private OutputSchemas() {}

    static Map<String, Object> environments() {
        var environment = schema(Map.of("name", STRING, "stacks", STRINGS), List.of("name", "stacks"));
        return result(Map.of("environments", array(environment)), List.of("environments"));
    }

    static Map<String, Object> stacks() {
        return result(Map.of("environment", STRING, "stacks", STRINGS), List.of("environment", "stacks"));
    }

    static Map<String, Object> stack() {
        return result(
                Map.of("environment", STRING, "stack", STRING, "document", OBJECT, "secret_fingerprints", OBJECT),
                List.of("environment", "stack", "document", "secret_fingerprints"));
    }

    static Map<String, Object> validation() {
        return result(
                Map.of("valid", Map.of("type", "boolean"), "name", STRING, "components", STRINGS),
                List.of("valid", "name", "components"));
    }

    static Map<String, Object> plan() {
        return result(
                Map.of("stack", STRING, "waves", ARRAY, "blast_radius", OBJECT, "variables", ARRAY),
                List.of("stack", "waves", "variables"));
    }

    static Map<String, Object> decision() {
        return result(
                Map.of("allowed", Map.of("type", "boolean"), "outcome", STRING, "reasons", ARRAY),
                List.of("allowed", "outcome", "reasons"));
    }

    static Map<String, Object> proposal() {
        return result(proposalProperties(), PROPOSAL_KEYS);
    }

    static Map<String, Object> proposed() {
        var properties = proposalProperties();
        properties.put("next_step", STRING);
        var required = new java.util.ArrayList<>(PROPOSAL_KEYS);
        required.add("next_step");
        return result(properties, required);
    }

    static Map<String, Object> review() {
        var properties = proposalProperties();
        properties.put("diff", OBJECT);
        properties.put("waves", ARRAY);
        return result(properties, PROPOSAL_KEYS);
    }

    static Map<String, Object> proposals() {
        return result(Map.of("proposals", array(schema(proposalProperties(), PROPOSAL_KEYS))), List.of("proposals"));
    }

    private static Map<String, Object> proposalProperties() {
        var properties = new LinkedHashMap<String, Object>();
        PROPOSAL_KEYS.forEach(key -> properties.put(key, STRING));
        properties.put("approvals", ARRAY);
        properties.put("decisions", ARRAY);
        return properties;
    }

    private static Map<String, Object> result(Map<String, Object> properties, List<String> required) {
        var all = new LinkedHashMap<String, Object>(properties);
        all.put("rule", STRING);
        all.put("reason", STRING);
        return Map.of(
                "type",
                "object",
                "properties",
                all,
                "anyOf",
                List.of(Map.of("required", required), Map.of("required", List.of("rule", "reason"))));
    }

    private static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required);
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }
}
