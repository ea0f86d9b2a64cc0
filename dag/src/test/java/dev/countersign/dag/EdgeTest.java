package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EdgeTest {
    @Test
    void readsAsDependentToDependency() {
        assertThat(new Edge<>("api", "db")).hasToString("api -> db");
    }

    @Test
    void rejectsAMissingEnd() {
        assertThatThrownBy(() -> new Edge<>("api", null)).hasMessage("dependency");
    }
}
