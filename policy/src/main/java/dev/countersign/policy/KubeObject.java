package dev.countersign.policy;

import dev.countersign.stack.ObjectKey;
import tools.jackson.databind.JsonNode;

/**
 * A Kubernetes object in a component's manifests, identified by its structured {@link ObjectKey} (API
 * group, kind, namespace, name), never by a joined string.
 */
record KubeObject(String component, String pointer, ObjectKey key, JsonNode labels) {
    static KubeObject of(String component, String pointer, JsonNode manifest) {
        JsonNode metadata = manifest.path("metadata");
        String version = manifest.path("apiVersion").asString("");
        int slash = version.indexOf('/');
        return new KubeObject(
                component,
                pointer,
                new ObjectKey(
                        slash < 0 ? "" : version.substring(0, slash),
                        manifest.path("kind").asString(""),
                        metadata.path("namespace").asString(""),
                        metadata.path("name").asString("")),
                metadata.path("labels"));
    }

    String kind() {
        return key.kind();
    }

    /** The value of the protection label: {@code "true"}, {@code "false"} or empty when absent. */
    String protectionLabel() {
        return labels.path(Protections.LABEL).asString("");
    }

    /** The object as people read it: kind, namespace and name. */
    @Override
    public String toString() {
        return key.kind() + "/" + (key.namespace().isEmpty() ? "" : key.namespace() + "/") + key.name();
    }
}
