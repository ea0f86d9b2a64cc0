package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import dev.countersign.render.spi.ProtectedObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Flux {@code HelmRelease} post-renderer that marks every object of a protected kind a chart renders with
 * {@code helm.sh/resource-policy: keep}, so that Helm (run by Flux's helm-controller) never deletes it: not when
 * the release is uninstalled (its {@code HelmRelease} leaves Git, a renderer switch, a rename) and not when an
 * upgrade stops rendering it. One kustomize strategic-merge patch per protected kind, targeting the objects of
 * that kind not labelled {@code countersign.dev/protected: "false"}; kustomize takes the target's API version
 * and ignores the patch's name. Helm never deletes the CRDs of a chart's {@code crds/} folder in any case.
 */
final class HelmKeep {
    /** Helm's annotation and the value that keeps an object. */
    static final Map.Entry<String, String> KEEP = Map.entry("helm.sh/resource-policy", "keep");

    private static final Map<String, String> API_VERSIONS =
            Map.of("StatefulSet", "apps/v1", "CustomResourceDefinition", "apiextensions.k8s.io/v1");

    private HelmKeep() {}

    /**
     * Returns the {@code spec.postRenderers} of a {@code HelmRelease} keeping the protected kinds.
     *
     * @param protection what the policy protects
     * @return one kustomize post-renderer with a patch per protected kind
     */
    static List<Object> postRenderers(ProtectedObjects protection) {
        var patches = new ArrayList<Object>();
        for (String kind : protection.kinds()) {
            patches.add(map(
                    "patch",
                    patch(kind),
                    "target",
                    map("kind", kind, "labelSelector", ProtectedObjects.LABEL + "!=false")));
        }
        return List.of(map("kustomize", map("patches", patches)));
    }

    private static String patch(String kind) {
        return "apiVersion: " + API_VERSIONS.getOrDefault(kind, "v1") + "\n"
                + "kind: " + kind + "\n"
                + "metadata:\n"
                + "  name: any\n"
                + "  annotations:\n"
                + "    " + KEEP.getKey() + ": " + KEEP.getValue() + "\n";
    }
}
