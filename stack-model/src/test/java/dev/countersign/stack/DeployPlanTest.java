package dev.countersign.stack;

import static dev.countersign.stack.StackTest.helm;
import static dev.countersign.stack.StackTest.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployPlanTest {
    @Test
    void plansTheSampleInWaves() {
        DeployPlan plan = DeployPlan.of(Samples.monitoring());

        assertThat(plan.waves())
                .containsExactly(
                        List.of("cert-manager", "prometheus"),
                        List.of("alertmanager", "cloudflare-token"),
                        List.of("letsencrypt-issuer"),
                        List.of("grafana"));
        assertThat(plan.order()).startsWith("cert-manager", "prometheus").endsWith("grafana");
        assertThat(plan.teardown()).startsWith("grafana").endsWith("cert-manager");
    }

    @Test
    void namesEveryComponentThatDependsOnOne() {
        DeployPlan plan = DeployPlan.of(Samples.monitoring());

        assertThat(plan.dependentsOf("cert-manager"))
                .containsExactlyInAnyOrder("cloudflare-token", "letsencrypt-issuer", "grafana");
        assertThatThrownBy(() -> plan.dependentsOf("nginx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack 'monitoring' has no component 'nginx'");
    }

    @Test
    void reportsTheBlastRadiusOfRemovedComponentsInTeardownOrder() {
        Stack before = stack(
                Map.of(),
                helm("db", Map.of()),
                helm("api", Map.of(), "db"),
                helm("web", Map.of(), "api"),
                helm("cache", Map.of()));
        Stack after = stack(Map.of(), helm("cache", Map.of()));

        DeployPlan plan = DeployPlan.between(before, after);

        assertThat(plan.removals())
                .containsExactly(
                        Map.entry("web", List.of()),
                        Map.entry("api", List.of("web")),
                        Map.entry("db", List.of("api", "web")));
        assertThat(plan.order()).containsExactly("cache");
    }

    @Test
    void writesTheIssueJsonShape() {
        Map<String, Object> tree = DeployPlan.of(Samples.monitoring()).toTree();

        assertThat(tree).containsEntry("stack", "monitoring").containsKeys("order", "waves", "teardown");
        assertThat(StackFiles.toJson(tree)).contains("\"waves\" : [ [ \"cert-manager\", \"prometheus\" ]");
    }

    @Test
    void drawsDotAndMermaid() {
        DeployPlan plan = DeployPlan.of(Samples.monitoring());

        assertThat(plan.toDot()).startsWith("digraph").contains("grafana");
        assertThat(plan.toMermaid()).startsWith("flowchart").contains("letsencrypt-issuer");
    }
}
