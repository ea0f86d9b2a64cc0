package dev.countersign.policy;

import tools.jackson.databind.JsonNode;

/** A Kubernetes object in a component's manifests, identified by kind, namespace and name. */
record KubeObject(String component, String pointer, String kind, String namespace, String name, JsonNode labels) {
    static KubeObject of(String component, String pointer, JsonNode manifest) {
        JsonNode metadata = manifest.path("metadata");
        return new KubeObject(
                component,
                pointer,
                manifest.path("kind").asString(""),
                metadata.path("namespace").asString(""),
                metadata.path("name").asString(""),
                metadata.path("labels"));
    }

    String key() {
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }

    /** The value of the protection label: {@code "true"}, {@code "false"} or empty when absent. */
    String protectionLabel() {
        return labels.path(Protections.LABEL).asString("");
    }

    @Override
    public String toString() {
        return key();
    }
}
