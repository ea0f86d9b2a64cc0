package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.render.spi.TopologyRenderer;
import dev.countersign.stack.ControlPlane;
import dev.countersign.stack.Environment;
import dev.countersign.stack.NodeGroup;
import dev.countersign.stack.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The built-in Cluster API renderer (see {@link Renderers#clusterApi(ClusterApiMapping)}): {@code
 * topology/<env>/cluster.yaml} holds the {@code Cluster}, the provider's cluster object, the control plane's machine
 * template and the {@code KubeadmControlPlane}; {@code topology/<env>/node-groups/<group>.yaml} holds each node
 * group's machine template, {@code KubeadmConfigTemplate} and {@code MachineDeployment}.
 */
final class ClusterApiLayout implements TopologyRenderer {
    static final String CLUSTER_API = "cluster.x-k8s.io/v1beta1";
    static final String CONTROL_PLANE_API = "controlplane.cluster.x-k8s.io/v1beta1";
    static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final ClusterApiMapping mapping;

    ClusterApiLayout(ClusterApiMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public RenderedFiles render(Environment environment) {
        Topology topology = environment.topology();
        if (topology == null) {
            return RenderedFiles.of(Map.of());
        }
        String cluster = checkedName(environment.cluster(), "cluster name of environment " + environment.name());
        var files = new TreeMap<String, byte[]>();
        String folder = "topology/" + environment.name() + "/";
        files.put(folder + "cluster.yaml", ValueTrees.yaml(clusterObjects(cluster, topology)));
        var groups = new ClusterApiGroups(mapping, cluster, topology.kubernetesVersion());
        for (NodeGroup group : topology.nodeGroups()) {
            files.put(folder + "node-groups/" + group.name() + ".yaml", ValueTrees.yaml(groups.objects(group)));
        }
        return RenderedFiles.of(files);
    }

    private List<Map<String, Object>> clusterObjects(String cluster, Topology topology) {
        ControlPlane plane = topology.controlPlane();
        String planeName = cluster + "-control-plane";
        InfrastructureTemplate infrastructure = mapping.cluster();
        InfrastructureTemplate machine = mapping.machineTemplate();
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(map(
                "apiVersion",
                CLUSTER_API,
                "kind",
                "Cluster",
                "metadata",
                metadata(cluster, cluster),
                "spec",
                map(
                        "controlPlaneRef", reference(CONTROL_PLANE_API, "KubeadmControlPlane", planeName),
                        "infrastructureRef", reference(infrastructure.apiVersion(), infrastructure.kind(), cluster))));
        objects.add(map(
                "apiVersion", infrastructure.apiVersion(),
                "kind", infrastructure.kind(),
                "metadata", metadata(cluster, cluster),
                "spec", infrastructure.specFor(plane.serverType(), plane.location())));
        objects.add(map(
                "apiVersion", machine.apiVersion(),
                "kind", machine.kind(),
                "metadata", metadata(planeName, cluster),
                "spec", machine.specFor(plane.serverType(), plane.location())));
        objects.add(map(
                "apiVersion",
                CONTROL_PLANE_API,
                "kind",
                "KubeadmControlPlane",
                "metadata",
                metadata(planeName, cluster),
                "spec",
                map(
                        "replicas", plane.count(),
                        "version", topology.kubernetesVersion(),
                        "machineTemplate",
                                map("infrastructureRef", reference(machine.apiVersion(), machine.kind(), planeName)),
                        "kubeadmConfigSpec", map())));
        return objects;
    }

    private Map<String, Object> metadata(String name, String cluster) {
        return map("name", name, "namespace", mapping.namespace(), "labels", map(CLUSTER_NAME_LABEL, cluster));
    }

    private Map<String, Object> reference(String apiVersion, String kind, String name) {
        return map("apiVersion", apiVersion, "kind", kind, "name", name, "namespace", mapping.namespace());
    }

    static String checkedName(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new RenderException("invalid " + what + " '" + Placeholders.excerpt(name)
                    + "' for Cluster API: must be a DNS label (" + NAME.pattern() + ")");
        }
        return name;
    }
}
