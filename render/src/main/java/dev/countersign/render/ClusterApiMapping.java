package dev.countersign.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a host maps an environment's topology onto its Cluster API infrastructure provider: the namespace of the
 * objects in the management cluster, the provider's cluster object (referenced by {@code Cluster.spec.infrastructureRef},
 * {@code ${location}} being the control plane's location) and its machine template (one per control plane and node
 * group, {@code ${serverType}} and {@code ${location}} being theirs). Its file form ({@link #toTree()}, {@link
 * #fromTree(Map)}):
 *
 * <pre>{@code
 * apiVersion: countersign.dev/v1
 * kind: ClusterApi
 * metadata: {name: hetzner}
 * spec:
 *   namespace: default
 *   cluster:
 *     apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
 *     kind: HetznerCluster
 *     spec: {controlPlaneRegions: ["${location}"], hetznerSecretRef: {...}, sshKeys: {...}}
 *   machineTemplate:
 *     apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
 *     kind: HCloudMachineTemplate
 *     spec: {template: {spec: {type: "${serverType}", imageName: ubuntu-24.04}}}
 * }</pre>
 *
 * <p>Credentials are referenced by the name of a Secret in the management cluster, never written. Immutable.
 *
 * @param namespace the namespace of every rendered object, a DNS label
 * @param cluster the provider's cluster object
 * @param machineTemplate the provider's machine template
 */
public record ClusterApiMapping(
        String namespace, InfrastructureTemplate cluster, InfrastructureTemplate machineTemplate) {
    /** The {@code kind} of the mapping's file form: {@value}. */
    public static final String KIND = "ClusterApi";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /**
     * Checks the namespace.
     *
     * @param namespace see the record component
     * @param cluster see the record component
     * @param machineTemplate see the record component
     * @throws RenderException if the namespace is not a DNS label
     */
    public ClusterApiMapping {
        if (!LABEL.matcher(Objects.requireNonNull(namespace, "namespace")).matches()) {
            throw new RenderException("invalid Cluster API namespace '" + Placeholders.excerpt(namespace)
                    + "': must be a DNS label (" + LABEL.pattern() + ")");
        }
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(machineTemplate, "machineTemplate");
    }

    /**
     * Reads the file form of a mapping, as parsed from YAML or JSON.
     *
     * @param tree the document: {@code apiVersion: countersign.dev/v1}, {@code kind: ClusterApi}, {@code metadata}
     *     and {@code spec}
     * @return the mapping
     * @throws RenderException if the document is not such a mapping, naming the field
     */
    public static ClusterApiMapping fromTree(Map<?, ?> tree) {
        if (!"countersign.dev/v1".equals(tree.get("apiVersion")) || !KIND.equals(tree.get("kind"))) {
            throw new RenderException("a Cluster API mapping needs apiVersion: countersign.dev/v1 and kind: " + KIND);
        }
        Map<?, ?> spec = map(tree.get("spec"), "spec", Set.of("namespace", "cluster", "machineTemplate"));
        return new ClusterApiMapping(
                text(spec.get("namespace"), "spec/namespace"),
                template(spec.get("cluster"), "spec/cluster"),
                template(spec.get("machineTemplate"), "spec/machineTemplate"));
    }

    /**
     * Returns the file form of this mapping, which {@link #fromTree(Map)} reads back.
     *
     * @return the document, keys in a fixed order
     */
    public Map<String, Object> toTree() {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("namespace", namespace);
        spec.put("cluster", tree(cluster));
        spec.put("machineTemplate", tree(machineTemplate));
        var document = new LinkedHashMap<String, Object>();
        document.put("apiVersion", "countersign.dev/v1");
        document.put("kind", KIND);
        document.put("metadata", Map.of("name", "cluster-api"));
        document.put("spec", spec);
        return document;
    }

    private static Map<String, Object> tree(InfrastructureTemplate template) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("apiVersion", template.apiVersion());
        tree.put("kind", template.kind());
        tree.put("spec", template.spec());
        return tree;
    }

    private static InfrastructureTemplate template(@Nullable Object node, String where) {
        Map<?, ?> map = map(node, where, Set.of("apiVersion", "kind", "spec"));
        return new InfrastructureTemplate(
                text(map.get("apiVersion"), where + "/apiVersion"),
                text(map.get("kind"), where + "/kind"),
                Placeholders.checkedMap(map(map.get("spec"), where + "/spec", null), where + "/spec"));
    }

    private static Map<?, ?> map(@Nullable Object node, String where, @Nullable Set<String> keys) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new RenderException("Cluster API mapping: " + where + " must be a map");
        }
        if (keys != null && !keys.containsAll(map.keySet())) {
            throw new RenderException("Cluster API mapping: " + where + " has an unknown key (known: "
                    + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
        }
        return map;
    }

    private static String text(@Nullable Object node, String where) {
        if (!(node instanceof String text)) {
            throw new RenderException("Cluster API mapping: " + where + " must be text");
        }
        return text;
    }
}
