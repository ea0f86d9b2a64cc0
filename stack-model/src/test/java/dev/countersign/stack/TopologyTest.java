package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TopologyTest {
    static final String ISSUE_EXAMPLE = """
            kubernetesVersion: v1.32.2
            controlPlane: {count: 3, serverType: cpx21, location: fsn1}
            nodeGroups:
              - {name: workers, serverType: cpx31, location: fsn1, count: 2, labels: {pool: workers}}
              - name: batch
                serverType: cpx41
                location: fsn1
                autoscaling: {min: 0, max: 4}
                taints: [{key: batch, value: "true", effect: NoSchedule}]
            """;

    static Environment environment(String topology) {
        String indented = topology.lines().map(line -> "    " + line).reduce("", (a, b) -> a + b + "\n");
        return StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec:
                  cluster: staging-eu
                  topology:
                """ + indented, "staging.yaml");
    }

    @Test
    void readsTheIssueExample() {
        Topology topology = environment(ISSUE_EXAMPLE).topology();

        assertThat(topology).isNotNull();
        assertThat(topology.kubernetesVersion()).isEqualTo("v1.32.2");
        assertThat(topology.controlPlane()).isEqualTo(new ControlPlane(3, "cpx21", "fsn1"));
        assertThat(topology.names()).containsExactly("workers", "batch");
        NodeGroup batch = topology.group("batch").orElseThrow();
        assertThat(batch.autoscaling()).isEqualTo(new Autoscaling(0, 4));
        assertThat(batch.count()).isNull();
        assertThat(batch.taints()).containsExactly(new Taint("batch", "true", TaintEffect.NO_SCHEDULE));
        assertThat(List.of(batch.minNodes(), batch.maxNodes())).containsExactly(0, 4);
        assertThat(topology.group("workers").orElseThrow().labels()).containsExactly(Map.entry("pool", "workers"));
    }

    @Test
    void roundTripsThroughTheEnvironmentFileExactly() {
        Environment environment = environment(ISSUE_EXAMPLE);
        String written = StackFiles.toYaml(List.of(environment.toTree()));

        Environment read = StackFiles.parseEnvironment(written, "staging.yaml");

        assertThat(read).isEqualTo(environment);
        assertThat(StackFiles.toYaml(List.of(read.toTree()))).isEqualTo(written);
        assertThat(written).contains("topology:").contains("effect: NoSchedule").contains("min: 0");
    }

    @Test
    void anEnvironmentWithoutTopologyWritesNone() {
        var environment = new Environment("staging", "staging-eu", Map.of());
        assertThat(environment.topology()).isNull();
        assertThat(environment.toTree().toString()).doesNotContain("topology");
        assertThat(environment
                        .withTopology(environment(ISSUE_EXAMPLE).topology())
                        .withCharts(ChartSettings.digests())
                        .topology())
                .isEqualTo(environment(ISSUE_EXAMPLE).topology());
    }

    @Test
    void theTopologyChangesTheEnvironmentFileAndSoItsHash() {
        Environment environment = environment(ISSUE_EXAMPLE);
        Topology topology = environment.topology();
        assertThat(topology).isNotNull();
        Environment grown =
                environment.withTopology(topology.withGroup(NodeGroup.fixed("workers", "cpx31", "fsn1", 3)));

        assertThat(ContentHash.of(grown.toTree())).isNotEqualTo(ContentHash.of(environment.toTree()));
        assertThat(grown.topology().group("workers").orElseThrow().count()).isEqualTo(3);
        assertThat(grown.topology().withoutGroup("workers").names()).containsExactly("batch");
    }

    @Test
    void toStringNamesTheGroupsOnly() {
        assertThat(environment(ISSUE_EXAMPLE).toString()).contains("topology=[workers, batch]");
    }

    /** A malformed topology, the pointer its error names, and a fragment of the message. */
    record Case(String title, String topology, String pointer, String message) {}

    private static final String CP = "controlPlane: {count: 3, serverType: cpx21, location: fsn1}\n";
    private static final String V = "kubernetesVersion: v1.32.2\n";

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "even control-plane count",
                        V + "controlPlane: {count: 2, serverType: cpx21, location: fsn1}\n",
                        "/spec/topology/controlPlane/count",
                        "must be 1, 3 or 5"),
                new Case(
                        "seven control planes",
                        V + "controlPlane: {count: 7, serverType: cpx21, location: fsn1}\n",
                        "/spec/topology/controlPlane/count",
                        "must be 1, 3 or 5"),
                new Case(
                        "bad version",
                        "kubernetesVersion: v1.32\n" + CP,
                        "/spec/topology/kubernetesVersion",
                        "such as v1.32.2"),
                new Case("missing version", CP, "/spec/topology", "missing required field 'kubernetesVersion'"),
                new Case(
                        "duplicate group names",
                        V + CP + "nodeGroups:\n"
                                + "  - {name: a, serverType: cpx31, location: fsn1, count: 1}\n"
                                + "  - {name: a, serverType: cpx31, location: fsn1, count: 2}\n",
                        "/spec/topology/nodeGroups/1/name",
                        "duplicate node group name 'a'"),
                new Case(
                        "min above max",
                        V + CP + "nodeGroups:\n"
                                + "  - {name: a, serverType: cpx31, location: fsn1, count: 1}\n"
                                + "  - {name: b, serverType: cpx31, location: fsn1, autoscaling: {min: 5, max: 2}}\n",
                        "/spec/topology/nodeGroups/1/autoscaling",
                        "min 5 is above max 2"),
                new Case(
                        "negative count",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1," + " count: -1}]\n",
                        "/spec/topology/nodeGroups/0/count",
                        "between 0 and 10000"),
                new Case(
                        "negative min",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1,"
                                + " autoscaling: {min: -1, max: 2}}]\n",
                        "/spec/topology/nodeGroups/0/autoscaling/min",
                        "between 0 and 10000"),
                new Case(
                        "huge count",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1,"
                                + " count: 99999999999}]\n",
                        "/spec/topology/nodeGroups/0/count",
                        "between 0 and 10000"),
                new Case(
                        "fractional count",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1," + " count: 1.5}]\n",
                        "/spec/topology/nodeGroups/0/count",
                        "must be a whole number"),
                new Case(
                        "both count and autoscaling",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31,"
                                + " location: fsn1, count: 1, autoscaling: {min: 0, max: 1}}]\n",
                        "/spec/topology/nodeGroups/0",
                        "exactly one of count and autoscaling, found both"),
                new Case(
                        "neither count nor autoscaling",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31," + " location: fsn1}]\n",
                        "/spec/topology/nodeGroups/0",
                        "found neither"),
                new Case(
                        "bad taint effect",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1,"
                                + " count: 1, taints: [{key: k, effect: Sometimes}]}]\n",
                        "/spec/topology/nodeGroups/0/taints/0/effect",
                        "unknown taint effect 'Sometimes'"),
                new Case(
                        "duplicate taint",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1,"
                                + " count: 1, taints: [{key: k, effect: NoSchedule}, {key: k, value: x, effect: NoSchedule}]}]\n",
                        "/spec/topology/nodeGroups/0/taints/1",
                        "duplicate taint k"),
                new Case(
                        "group name not DNS-1123",
                        V + CP + "nodeGroups: [{name: Batch_1, serverType: cpx31," + " location: fsn1, count: 1}]\n",
                        "/spec/topology/nodeGroups/0/name",
                        "DNS-1123 label"),
                new Case(
                        "boolean label value",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1,"
                                + " count: 1, labels: {gpu: true}}]\n",
                        "/spec/topology/nodeGroups/0/labels/gpu",
                        "label values must be strings"),
                new Case(
                        "bad label key",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1,"
                                + " count: 1, labels: {\"-bad\": x}}]\n",
                        "/spec/topology/nodeGroups/0/labels/-bad",
                        "invalid label key"),
                new Case(
                        "bad server type",
                        V + "controlPlane: {count: 1, serverType: \"cpx 21\", location: fsn1}\n",
                        "/spec/topology/controlPlane/serverType",
                        "invalid server type"),
                new Case(
                        "unknown field",
                        V + CP + "nodeGroups: [{name: a, serverType: cpx31, location: fsn1," + " count: 1, size: 3}]\n",
                        "/spec/topology/nodeGroups/0/size",
                        "unknown field 'size'"));
    }

    @TestFactory
    Stream<DynamicTest> refusesAMalformedTopologyNamingThePointer() {
        return cases().map(c -> DynamicTest.dynamicTest(c.title(), () -> {
            InvalidStackException e =
                    catchThrowableOfType(InvalidStackException.class, () -> environment(c.topology()));
            assertThat(e).as(c.title()).isNotNull();
            assertThat(e.pointer()).as(c.title()).isEqualTo(c.pointer());
            assertThat(e.problem()).as(c.title()).contains(c.message());
        }));
    }

    @Test
    void theConstructorsReportPointersRelativeToTheirValue() {
        assertThatThrownBy(() -> new Autoscaling(3, 1))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("min 3 is above max 1");
        assertThatThrownBy(() -> new ControlPlane(4, "cpx21", "fsn1"))
                .isInstanceOfSatisfying(
                        InvalidStackException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/count"));
        assertThatThrownBy(() -> new NodeGroup("a", "cpx31", "fsn1", 1, new Autoscaling(0, 1), Map.of(), List.of()))
                .isInstanceOfSatisfying(
                        InvalidStackException.class,
                        e -> assertThat(e.pointer()).isEmpty());
        assertThatThrownBy(() -> TaintEffect.fromId("noschedule")).isInstanceOf(InvalidStackException.class);
        assertThat(TaintEffect.fromId("PreferNoSchedule")).isEqualTo(TaintEffect.PREFER_NO_SCHEDULE);
    }

    @Test
    void scalingToZeroIsAValidSize() {
        NodeGroup zero = NodeGroup.fixed("workers", "cpx31", "fsn1", 0);
        assertThat(List.of(zero.minNodes(), zero.maxNodes())).containsExactly(0, 0);
    }
}
