package dev.countersign.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One component of a stack as the rules see it: its content (everything but the name, pointers are
 * relative to it), its dependencies and the pointers that hold secrets (from {@code
 * Component.secretPointers()}: declared secrets and the data of Secret manifests).
 */
record ComponentState(String name, JsonNode content, List<String> dependsOn, Set<String> secretPointers) {
    ComponentState {
        dependsOn = List.copyOf(dependsOn);
        secretPointers = Set.copyOf(secretPointers);
    }

    List<KubeObject> objects() {
        List<KubeObject> objects = new ArrayList<>();
        JsonNode manifests = content.path("manifests");
        for (int i = 0; i < manifests.size(); i++) {
            objects.add(KubeObject.of(name, "/manifests/" + i, manifests.get(i)));
        }
        return objects;
    }

    /** Whether the value at a pointer is, or lies inside, a secret (as the stack model declares them). */
    boolean isSecret(String pointer) {
        return secretPointers.stream().anyMatch(secret -> pointer.equals(secret) || pointer.startsWith(secret + "/"));
    }
}
