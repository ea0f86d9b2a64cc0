package dev.countersign.render;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells custom resources from built-in Kubernetes objects by API group: a custom resource's CRD
 * must exist before the resource can be dry-run.
 */
final class CustomResources {
    private static final Set<String> BUILT_IN_GROUPS = Set.of("apps", "batch", "autoscaling", "policy", "extensions");

    private CustomResources() {}

    /** Returns whether any object belongs to an API group that Kubernetes does not serve itself. */
    static boolean any(List<Map<String, Object>> objects) {
        return objects.stream().anyMatch(object -> isCustom(String.valueOf(object.get("apiVersion"))));
    }

    /** Returns whether an {@code apiVersion} names a group outside the built-in Kubernetes API. */
    static boolean isCustom(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String group = apiVersion.substring(0, slash);
        return !BUILT_IN_GROUPS.contains(group) && !group.endsWith(".k8s.io");
    }
}
