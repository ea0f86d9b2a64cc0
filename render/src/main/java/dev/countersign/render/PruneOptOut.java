package dev.countersign.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reconciler's own opt-out of deletion on every protected object, so that no Git change deletes it in the
 * cluster: Flux {@code kustomize.toolkit.fluxcd.io/prune: disabled} (kept when it leaves the source or its
 * {@code Kustomization} is deleted) and Argo CD {@code argocd.argoproj.io/sync-options: Prune=false,Delete=false}
 * (kept when it leaves the source or its {@code Application} is deleted). An object is protected as the policy's
 * built-in rule reads the stack: labelled {@code countersign.dev/protected: "true"}, or of an always-protected
 * kind ({@code PersistentVolumeClaim}, {@code StatefulSet}, {@code Namespace}, {@code CustomResourceDefinition})
 * not labelled {@code "false"}. The opt-out is forced: a manifest cannot render a protected object without it.
 */
final class PruneOptOut {
    /** The Flux annotation and its value. */
    static final Map.Entry<String, String> FLUX = Map.entry("kustomize.toolkit.fluxcd.io/prune", "disabled");

    /** The Argo CD annotation and its value. */
    static final Map.Entry<String, String> ARGO_CD =
            Map.entry("argocd.argoproj.io/sync-options", "Prune=false,Delete=false");

    static final String LABEL = "countersign.dev/protected";
    static final Set<String> KINDS =
            Set.of("PersistentVolumeClaim", "StatefulSet", "Namespace", "CustomResourceDefinition");

    private PruneOptOut() {}

    /**
     * Returns copies of the objects with the opt-out on each protected one.
     *
     * @param objects the objects of one component
     * @param annotation the reconciler's annotation and value
     * @return the objects, the protected ones annotated
     */
    static List<Map<String, Object>> applied(List<Map<String, Object>> objects, Map.Entry<String, String> annotation) {
        var out = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> object : objects) {
            out.add(isProtected(object) ? annotated(object, annotation) : object);
        }
        return out;
    }

    /**
     * Tells whether an object is protected by its own label or kind.
     *
     * @param object the object
     * @return true if protected
     */
    static boolean isProtected(Map<String, Object> object) {
        String label = String.valueOf(labels(object).get(LABEL));
        return label.equals("true") || (KINDS.contains(String.valueOf(object.get("kind"))) && !label.equals("false"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotated(Map<String, Object> object, Map.Entry<String, String> annotation) {
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
