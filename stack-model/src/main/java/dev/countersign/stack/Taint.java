package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes taint every node of a node group carries, such as {@code batch=true:NoSchedule}. Immutable.
 *
 * @param key the taint key, a Kubernetes qualified name with an optional DNS subdomain prefix
 * @param value the taint value, empty or a Kubernetes label value
 * @param effect what the taint does to pods that do not tolerate it
 */
public record Taint(String key, String value, TaintEffect effect) {
    /**
     * Validates the fields.
     *
     * @param key the taint key
     * @param value the taint value, possibly empty
     * @param effect the effect
     * @throws InvalidStackException if the key or value breaks Kubernetes' rules (pointers {@code /key}, {@code
     *     /value})
     */
    public Taint {
        TopologyNames.labelKey("/key", "taint key", key);
        TopologyNames.labelValue("/value", "taint value", value);
        java.util.Objects.requireNonNull(effect, "effect");
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("key", key);
        if (!value.isEmpty()) {
            tree.put("value", value);
        }
        tree.put("effect", effect.id());
        return tree;
    }

    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect.id();
    }
}
