package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import dev.countersign.stack.NodeGroup;
import dev.countersign.stack.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Cluster API objects of one node group: its machine template, its {@code KubeadmConfigTemplate} (the group's
 * labels as the kubelet's {@code node-labels}, its taints in {@code nodeRegistration.taints}, as Cluster API's
 * kubeadm bootstrap registers a node), and its {@code MachineDeployment}: {@code replicas} for a fixed count, or
 * the cluster-autoscaler's min and max annotations and no replicas for an autoscaling group.
 */
final class ClusterApiGroups {
    static final String BOOTSTRAP_API = "bootstrap.cluster.x-k8s.io/v1beta1";
    static final String MIN_SIZE = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
    static final String MAX_SIZE = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";
    static final String DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";

    private final ClusterApiMapping mapping;
    private final String cluster;
    private final String version;

    ClusterApiGroups(ClusterApiMapping mapping, String cluster, String version) {
        this.mapping = mapping;
        this.cluster = cluster;
        this.version = version;
    }

    List<Map<String, Object>> objects(NodeGroup group) {
        if (group.name().equals("control-plane")) {
            throw new RenderException("node group 'control-plane' of cluster " + cluster
                    + " would share its Cluster API names with the control plane: rename the group");
        }
        String name = ClusterApiLayout.checkedName(cluster + "-" + group.name(), "node group object name");
        InfrastructureTemplate machine = mapping.machineTemplate();
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(map(
                "apiVersion", machine.apiVersion(),
                "kind", machine.kind(),
                "metadata", metadata(name, Map.of()),
                "spec", machine.specFor(group.serverType(), group.location())));
        objects.add(map(
                "apiVersion",
                BOOTSTRAP_API,
                "kind",
                "KubeadmConfigTemplate",
                "metadata",
                metadata(name, Map.of()),
                "spec",
                map("template", map("spec", map("joinConfiguration", map("nodeRegistration", registration(group)))))));
        objects.add(machineDeployment(name, group, machine));
        return objects;
    }

    private Map<String, Object> machineDeployment(String name, NodeGroup group, InfrastructureTemplate machine) {
        Map<String, Object> selected = map(ClusterApiLayout.CLUSTER_NAME_LABEL, cluster, DEPLOYMENT_NAME_LABEL, name);
        var labels = new TreeMap<String, Object>(group.labels());
        labels.putAll(selected);
        var spec = new LinkedHashMap<String, Object>();
        spec.put("clusterName", cluster);
        Integer count = group.count();
        if (count != null) {
            spec.put("replicas", count);
        }
        spec.put("selector", map("matchLabels", selected));
        spec.put(
                "template",
                map(
                        "metadata", map("labels", labels),
                        "spec",
                                map(
                                        "clusterName", cluster,
                                        "version", version,
                                        "failureDomain", group.location(),
                                        "bootstrap",
                                                map(
                                                        "configRef",
                                                        reference(BOOTSTRAP_API, "KubeadmConfigTemplate", name)),
                                        "infrastructureRef", reference(machine.apiVersion(), machine.kind(), name))));
        return map(
                "apiVersion",
                ClusterApiLayout.CLUSTER_API,
                "kind",
                "MachineDeployment",
                "metadata",
                metadata(name, autoscalerAnnotations(group)),
                "spec",
                spec);
    }

    private static Map<String, Object> autoscalerAnnotations(NodeGroup group) {
        return group.autoscaling() == null
                ? Map.of()
                : map(MIN_SIZE, String.valueOf(group.minNodes()), MAX_SIZE, String.valueOf(group.maxNodes()));
    }

    private static Map<String, Object> registration(NodeGroup group) {
        var registration = new LinkedHashMap<String, Object>();
        if (!group.labels().isEmpty()) {
            registration.put("kubeletExtraArgs", map("node-labels", nodeLabels(group.labels())));
        }
        registration.put(
                "taints", group.taints().stream().map(ClusterApiGroups::taint).toList());
        return registration;
    }

    private static String nodeLabels(Map<String, String> labels) {
        return new TreeMap<>(labels)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static Map<String, Object> taint(Taint taint) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("key", taint.key());
        if (!taint.value().isEmpty()) {
            tree.put("value", taint.value());
        }
        tree.put("effect", taint.effect().id());
        return tree;
    }

    private Map<String, Object> metadata(String name, Map<String, Object> annotations) {
        Map<String, Object> metadata = map("name", name, "namespace", mapping.namespace());
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        metadata.put("labels", map(ClusterApiLayout.CLUSTER_NAME_LABEL, cluster));
        return metadata;
    }

    private Map<String, Object> reference(String apiVersion, String kind, String name) {
        return map("apiVersion", apiVersion, "kind", kind, "name", name, "namespace", mapping.namespace());
    }
}
