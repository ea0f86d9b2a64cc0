package dev.countersign.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One component of a stack as the rules see it: its content (everything but the name, pointers are
 * relative to it), its dependencies and the pointers that hold secrets.
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

    boolean isSecret(String pointer) {
        for (String secret : secretPointers) {
            if (pointer.equals(secret) || pointer.startsWith(secret + "/")) {
                return true;
            }
        }
        return objects().stream().anyMatch(o -> o.holdsSecret(pointer));
    }
}
