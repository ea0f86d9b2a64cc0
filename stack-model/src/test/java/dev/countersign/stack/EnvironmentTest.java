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
}
