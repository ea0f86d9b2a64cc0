package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void roundTripsThroughItsTree() {
        var environment = new Environment("staging", "staging-eu", Map.of("replicas", 2L));

        assertThat(Environment.fromTree(environment.toTree())).isEqualTo(environment);
    }

    @Test
    void rejectsABlankCluster() {
        assertThatThrownBy(() -> new Environment("staging", " ", Map.of()))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("cluster must not be blank");
    }

    @Test
    void rejectsAStackDocument() {
        assertThatThrownBy(() -> Environment.fromTree(Samples.monitoring().toTree()))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("expected kind 'Environment', found 'Stack'");
    }

    @Test
    void readsChartPinningAndWritesItBackOnlyWhenNotTheDefault() {
        var environment = StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: production}
                spec: {cluster: prod-eu, charts: {pin: digest}}
                """, "production.yaml");

        assertThat(environment.charts().pinsDigests()).isTrue();
        assertThat(Environment.fromTree(environment.toTree())).isEqualTo(environment);
        assertThat(StackFiles.toYaml(java.util.List.of(environment.toTree()))).contains("charts:\n    pin: digest");
        assertThat(new Environment("staging", "staging-eu", Map.of()).toTree().toString())
                .doesNotContain("charts");
    }

    @Test
    void rejectsAnUnknownChartPinNamingTheField() {
        assertThatThrownBy(() -> StackFiles.parseEnvironment("""
                        apiVersion: countersign.dev/v1
                        kind: Environment
                        metadata: {name: production}
                        spec: {cluster: prod-eu, charts: {pin: tag}}
                        """, "production.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("/spec/charts/pin")
                .hasMessageContaining("unknown chart pin 'tag': must be version or digest");
    }
}
