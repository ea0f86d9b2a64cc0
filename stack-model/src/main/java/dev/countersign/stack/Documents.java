package dev.countersign.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The envelope shared by all documents: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}. */
final class Documents {
    static final String API_VERSION = "countersign.dev/v1";
    private static final Set<String> KEYS = Set.of("apiVersion", "kind", "metadata", "spec");

    private Documents() {}

    static Map<String, Object> envelope(String kind, String name, Map<String, Object> spec) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", API_VERSION);
        tree.put("kind", kind);
        tree.put("metadata", Map.of("name", name));
        tree.put("spec", Collections.unmodifiableMap(spec));
        return Collections.unmodifiableMap(tree);
    }

    static String kind(Object document) {
        var fields = Fields.of(document, "").only(KEYS);
        String apiVersion = fields.string("apiVersion");
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidStackException(
                    "/apiVersion",
                    "unsupported apiVersion '" + Excerpt.of(apiVersion) + "' (supported: " + API_VERSION + ")");
        }
        return fields.string("kind");
    }

    static Fields spec(Object document, String expectedKind) {
        String kind = kind(document);
        if (!expectedKind.equals(kind)) {
            throw new InvalidStackException(
                    "/kind", "expected kind '" + expectedKind + "', found '" + Excerpt.of(kind) + "'");
        }
        return Fields.of(document, "").fields("spec");
    }

    static String name(Object document) {
        return Fields.of(document, "").fields("metadata").only(Set.of("name")).string("name");
    }
}
