package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentTest {
    static final HelmSource HELM =
            new HelmSource("oci://registry.example.com/charts", "api", "2.0.0", "apps", Map.of("password", "x"));

    @Test
    void needsExactlyOneSource() {
        assertThatThrownBy(() -> Component.fromTree(Map.of("name", "a")))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("exactly one of 'helm' or 'manifests'");
        assertThatThrownBy(() -> Component.fromTree(Map.of("name", "a", "helm", Map.of(), "manifests", List.of())))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("exactly one of 'helm' or 'manifests'");
    }

    @Test
    void rejectsDependingOnItself() {
        assertThatThrownBy(() -> new Component("a", List.of("a"), HELM, List.of()))
                .isInstanceOf(DependencyCycleException.class)
                .hasMessage("dependency cycle: a -> a");
    }

    @Test
    void rejectsARepeatedDependency() {
        assertThatThrownBy(() -> new Component("a", List.of("b", "b"), HELM, List.of()))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("lists 'b' twice");
    }

    @Test
    void rejectsASecretPointerThatLeadsNowhere() {
        assertThatThrownBy(() -> new Component("a", List.of(), HELM, List.of("/passwd")))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("secret pointer '/passwd' leads to no value");
        assertThatThrownBy(() -> new Component("a", List.of(), HELM, List.of("password")))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("must start with '/'");
    }

    @Test
    void acceptsASecretPointerThroughAValueNotYetRendered() {
        var helm = new HelmSource("https://x.io", "api", "1.0.0", "apps", Map.of("auth", "${auth}"));

        assertThat(new Component("a", List.of(), helm, List.of("/auth/password")).secretPointers())
                .containsExactly("/helm/values/auth/password");
    }

    @Test
    void treatsPointersAboveAndBelowASecretAsSecret() {
        Component component = new Component("a", List.of(), HELM, List.of("/password"));

        assertThat(component.isSecret("/helm/values/password")).isTrue();
        assertThat(component.isSecret("/helm/values")).isTrue();
        assertThat(component.isSecret("/helm/version")).isFalse();
    }

    @Test
    void roundTripsThroughItsTree() {
        Component component = new Component("a", List.of("b"), HELM, List.of("/password"));

        assertThat(Component.fromTree(component.toTree())).isEqualTo(component);
    }
}
