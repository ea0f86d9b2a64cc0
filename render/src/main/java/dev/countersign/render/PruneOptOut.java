package dev.countersign.render;

import dev.countersign.render.spi.ProtectedObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reconciler's own opt-out of deletion on every protected object, so that no Git change deletes it in the
 * cluster: Flux {@code kustomize.toolkit.fluxcd.io/prune: disabled} (kept when it leaves the source or its
 * {@code Kustomization} is deleted) and Argo CD {@code argocd.argoproj.io/sync-options: Prune=false,Delete=false}
 * (kept when it leaves the source or its {@code Application} is deleted). An object is protected as the policy
 * reads the stack ({@link ProtectedObjects}): labelled {@code countersign.dev/protected: "true"}, of a protected
 * component, or of a protected kind not labelled {@code "false"}. The opt-out is forced: a manifest cannot render
 * a protected object without it.
 */
final class PruneOptOut {
    /** The Flux annotation and its value. */
    static final Map.Entry<String, String> FLUX = Map.entry("kustomize.toolkit.fluxcd.io/prune", "disabled");

    /** The Argo CD annotation and its value. */
    static final Map.Entry<String, String> ARGO_CD =
            Map.entry("argocd.argoproj.io/sync-options", "Prune=false,Delete=false");

    private PruneOptOut() {}

    /**
     * Returns copies of the objects with the opt-out on each protected one.
     *
     * @param objects the objects of one component
     * @param component the component's name
     * @param protection what the policy protects
     * @param annotation the reconciler's annotation and value
     * @return the objects, the protected ones annotated
     */
    static List<Map<String, Object>> applied(
            List<Map<String, Object>> objects,
            String component,
            ProtectedObjects protection,
            Map.Entry<String, String> annotation) {
        var out = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> object : objects) {
            out.add(isProtected(object, component, protection) ? annotated(object, annotation) : object);
        }
        return out;
    }

    /**
     * Tells whether an object of a component is protected.
     *
     * @param object the object
     * @param component the component's name
     * @param protection what the policy protects
     * @return true if protected
     */
    static boolean isProtected(Map<String, Object> object, String component, ProtectedObjects protection) {
        Object label = labels(object).get(ProtectedObjects.LABEL);
        return protection.covers(component, String.valueOf(object.get("kind")), label == null ? "" : label.toString());
    }

    /**
     * Returns a copy of an object with an annotation set.
     *
     * @param object the object
     * @param annotation the annotation and value
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> annotated(Map<String, Object> object, Map.Entry<String, String> annotation) {
        var copy = (Map<String, Object>) ValueTrees.mutableCopy(object);
        var metadata = (Map<String, Object>) copy.computeIfAbsent("metadata", key -> new java.util.LinkedHashMap<>());
        var annotations =
                (Map<String, Object>) metadata.computeIfAbsent("annotations", key -> new java.util.LinkedHashMap<>());
        annotations.put(annotation.getKey(), annotation.getValue());
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> object) {
        Object metadata = object.get("metadata");
        Object labels = metadata instanceof Map<?, ?> m ? m.get("labels") : null;
        return labels instanceof Map<?, ?> l ? (Map<String, Object>) l : Map.of();
    }
}
