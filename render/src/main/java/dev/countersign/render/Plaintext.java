package dev.countersign.render;

import dev.countersign.stack.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The parts of a component that may be written in plaintext: every secret value (declared
 * {@code secrets} and the data of Kubernetes {@code Secret}s) is left out, and {@code Secret}
 * objects are dropped altogether.
 */
final class Plaintext {
    private Plaintext() {}

    /** Returns whether the component holds any secret value. */
    static boolean carriesSecrets(Component component) {
        return !component.secretPointers().isEmpty();
    }

    /** Returns the Helm values of a Helm component without its secret values. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> helmValues(Component component) {
        var helm = (Map<String, Object>) safeTree(component).get("helm");
        Object values = helm == null ? null : helm.get("values");
        return values == null ? Map.of() : (Map<String, Object>) values;
    }

    /** Returns the raw objects of a manifests component, without Secrets and without secret values. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> manifests(Component component) {
        var kept = new ArrayList<Map<String, Object>>();
        var manifests = (List<Object>) safeTree(component).getOrDefault("manifests", List.of());
        for (Object item : manifests) {
            var body = (Map<String, Object>) item;
            if (!("v1".equals(body.get("apiVersion")) && "Secret".equals(body.get("kind")))) {
                kept.add(body);
            }
        }
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> safeTree(Component component) {
        var tree = (Map<String, Object>) ValueTrees.mutableCopy(component.toTree());
        component.secretPointers().stream()
                .sorted(Comparator.reverseOrder())
                .forEach(pointer -> ValueTrees.remove(tree, pointer));
        return tree;
    }
}
