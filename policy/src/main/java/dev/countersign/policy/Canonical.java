package dev.countersign.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Canonical JSON (keys sorted, no whitespace) and its {@code sha256:} content hash. */
final class Canonical {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Canonical() {}

    static String hash(JsonNode document) {
        return "sha256:" + sha256(JSON.writeValueAsString(sorted(document)));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            TreeMap<String, JsonNode> keys = new TreeMap<>();
            node.properties().forEach(e -> keys.put(e.getKey(), e.getValue()));
            keys.forEach((key, value) -> copy.set(key, sorted(value)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(value -> copy.add(sorted(value)));
            return copy;
        }
        return node;
    }
}
