package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Cluster API output of {@code samples/cluster-api/staging.yaml} with the Hetzner (CAPH) mapping of {@code
 * samples/cluster-api/hetzner.yaml}, compared byte for byte with the reviewed files in {@code
 * src/test/resources/golden/cluster-api-staging/} and validated against the Cluster API and CAPH schemas of {@code
 * shared/schemas/crds}. To regenerate after a deliberate change, run with {@code -Dgolden.write=true} and review the
 * diff by hand.
 */
class ClusterApiLayoutTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/cluster-api-staging");

    static ClusterApiMapping hetzner() {
        return ClusterApiMapping.fromTree(new YAMLMapper().readValue(read("hetzner.yaml"), Map.class));
    }

    static Environment staging() {
        return StackFiles.parseEnvironment(read("staging.yaml"), "staging.yaml");
    }

    private static String read(String file) {
        try {
            return Files.readString(
                    Samples.folder().resolveSibling("cluster-api").resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RenderedFiles rendered() {
        return Renderers.clusterApi(hetzner()).render(staging());
    }

    @Test
    void matchesTheReviewedFiles() throws IOException {
        RenderedFiles files = rendered();
        if (Boolean.getBoolean("golden.write")) {
            for (String path : files.paths()) {
                Files.createDirectories(GOLDEN.resolve(path).getParent());
                Files.write(GOLDEN.resolve(path), files.content(path));
            }
        }
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            assertThat(walk.filter(Files::isRegularFile)
                            .map(file -> GOLDEN.relativize(file).toString().replace('\\', '/'))
                            .sorted()
                            .toList())
                    .containsExactlyElementsOf(files.paths());
        }
        for (String path : files.paths()) {
            assertThat(files.text(path)).as(path).isEqualTo(Files.readString(GOLDEN.resolve(path)));
        }
    }

    @Test
    void everyObjectWithASchemaIsValidAgainstIt() {
        SharedSchemas schemas = SharedSchemas.locate();
        List<String> validated = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        RenderedFiles files = rendered();
        for (String path : files.paths()) {
            for (JsonNode document : SharedSchemas.documents(files.text(path))) {
                String apiVersion = document.path("apiVersion").asString();
                String kind = document.path("kind").asString();
                if (Files.isRegularFile(schemas.schemaFile(apiVersion, kind))) {
                    validated.add(kind);
                    errors.addAll(schemas.errors(document));
                }
            }
        }

        assertThat(errors).isEmpty();
        assertThat(validated)
                .containsOnly("Cluster", "HetznerCluster", "KubeadmControlPlane", "MachineDeployment")
                .filteredOn("MachineDeployment"::equals)
                .hasSize(2);
    }

    @Test
    void writesAClusterFileAndOneFilePerNodeGroup() {
        assertThat(rendered().paths())
                .containsExactly(
                        "topology/staging/cluster.yaml",
                        "topology/staging/node-groups/batch.yaml",
                        "topology/staging/node-groups/workers.yaml");
    }

    @Test
    void givesAFixedGroupReplicasAndAnAutoscalingGroupTheAutoscalerAnnotationsInstead() {
        JsonNode workers = deployment("workers");
        JsonNode batch = deployment("batch");

        assertThat(workers.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(workers.path("metadata").has("annotations")).isFalse();
        assertThat(batch.path("spec").has("replicas")).isFalse();
        assertThat(batch.path("metadata")
                        .path("annotations")
                        .path(ClusterApiGroups.MIN_SIZE)
                        .asString())
                .isEqualTo("0");
        assertThat(batch.path("metadata")
                        .path("annotations")
                        .path(ClusterApiGroups.MAX_SIZE)
                        .asString())
                .isEqualTo("4");
        assertThat(batch.path("spec")
                        .path("template")
                        .path("spec")
                        .path("failureDomain")
                        .asString())
                .isEqualTo("nbg1");
    }

    @Test
    void registersLabelsAndTaintsThroughTheKubeadmConfigTemplate() {
        JsonNode registration = object("node-groups/batch.yaml", "KubeadmConfigTemplate")
                .path("spec")
                .path("template")
                .path("spec")
                .path("joinConfiguration")
                .path("nodeRegistration");

        assertThat(registration.path("kubeletExtraArgs").path("node-labels").asString())
                .isEqualTo("pool=batch,workload=batch");
        assertThat(registration.path("taints").get(0).path("key").asString()).isEqualTo("batch");
        assertThat(registration.path("taints").get(0).path("value").asString()).isEqualTo("true");
        assertThat(registration.path("taints").get(0).path("effect").asString()).isEqualTo("NoSchedule");
    }

    @Test
    void mapsServerTypeAndLocationIntoTheProviderObjects() {
        assertThat(object("node-groups/workers.yaml", "HCloudMachineTemplate")
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("type")
                        .asString())
                .isEqualTo("cpx31");
        assertThat(object("cluster.yaml", "HCloudMachineTemplate")
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("type")
                        .asString())
                .isEqualTo("cpx21");
        assertThat(object("cluster.yaml", "HetznerCluster")
                        .path("spec")
                        .path("controlPlaneRegions")
                        .get(0)
                        .asString())
                .isEqualTo("fsn1");
        JsonNode plane = object("cluster.yaml", "KubeadmControlPlane").path("spec");
        assertThat(plane.path("replicas").asInt()).isEqualTo(3);
        assertThat(plane.path("version").asString()).isEqualTo("v1.32.2");
    }

    @Test
    void rendersNothingWithoutATopology() {
        Environment plain = StackFiles.parseEnvironment(
                "apiVersion: countersign.dev/v1\nkind: Environment\nmetadata: {name: dev}\nspec: {cluster: dev}\n",
                "dev.yaml");

        assertThat(Renderers.clusterApi(hetzner()).render(plain).paths()).isEmpty();
    }

    @Test
    void rendersTheSameBytesWhateverTheOrderOfTheHostsMaps() {
        InfrastructureTemplate a = new InfrastructureTemplate(
                "infrastructure.cluster.x-k8s.io/v1beta1", "HCloudMachineTemplate", Map.of("x", 1, "a", 2, "m", 3));
        ClusterApiMapping mapping = new ClusterApiMapping("default", hetzner().cluster(), a);

        assertThat(mapping.machineTemplate().spec().keySet()).containsExactly("a", "m", "x");
        assertThat(ClusterApiMapping.fromTree(mapping.toTree())).isEqualTo(mapping);
    }

    @Test
    void refusesAClusterNameThatIsNoDnsLabelAndAGroupNamedControlPlane() {
        Environment upper = StackFiles.parseEnvironment(
                read("staging.yaml").replace("cluster: staging-eu", "cluster: Staging_EU"), "s.yaml");
        Environment clash = StackFiles.parseEnvironment(
                read("staging.yaml").replace("name: workers", "name: control-plane"), "s.yaml");

        assertThatThrownBy(() -> Renderers.clusterApi(hetzner()).render(upper))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("invalid cluster name of environment staging 'Staging_EU'");
        assertThatThrownBy(() -> Renderers.clusterApi(hetzner()).render(clash))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("node group 'control-plane'");
    }

    @Test
    void refusesAMalformedMapping() {
        assertThatThrownBy(() -> new InfrastructureTemplate("v1", "HCloudMachineTemplate", Map.of()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("invalid infrastructure apiVersion 'v1'");
        assertThatThrownBy(() -> new InfrastructureTemplate("a.io/v1", "hcloud", Map.of()))
                .hasMessageContaining("invalid infrastructure kind 'hcloud'");
        assertThatThrownBy(() -> new InfrastructureTemplate("a.io/v1", "K", Map.of("type", "${secret}")))
                .hasMessageContaining("unknown placeholder '${secret}'");
        assertThatThrownBy(() -> new ClusterApiMapping(
                        "Default", hetzner().cluster(), hetzner().machineTemplate()))
                .hasMessageContaining("invalid Cluster API namespace 'Default'");
        assertThatThrownBy(() -> ClusterApiMapping.fromTree(Map.of("apiVersion", "countersign.dev/v1", "kind", "X")))
                .hasMessageContaining("kind: ClusterApi");
    }

    private static JsonNode deployment(String group) {
        return object("node-groups/" + group + ".yaml", "MachineDeployment");
    }

    private static JsonNode object(String file, String kind) {
        return SharedSchemas.documents(rendered().text("topology/staging/" + file)).stream()
                .filter(document -> document.path("kind").asString().equals(kind))
                .findFirst()
                .orElseThrow();
    }
}
