package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RendererChoiceTest {
    private static final String ENVIRONMENT = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata:
              name: staging
            spec:
              cluster: staging-eu
            """;

    @Nested
    class InAnEnvironmentFile {
        @Test
        void defaultsToNativeWhenAbsent() {
            assertThat(StackFiles.parseEnvironment(ENVIRONMENT, "env.yaml").renderer())
                    .isEqualTo(RendererChoice.NATIVE);
        }

        @Test
        void readsFluxAndArgoCd() {
            assertThat(StackFiles.parseEnvironment(ENVIRONMENT + "  renderer: flux\n", "env.yaml")
                            .renderer())
                    .isEqualTo(RendererChoice.FLUX);
            assertThat(StackFiles.parseEnvironment(
                                    ENVIRONMENT + "  renderer: argocd\n  argocd: {repoURL: 'https://git/x'}\n",
                                    "env.yaml")
                            .renderer())
                    .isEqualTo(RendererChoice.ARGOCD);
        }

        @Test
        void rejectsAnUnknownRendererNamingTheValueAndPointer() {
            assertThatThrownBy(() -> StackFiles.parseEnvironment(ENVIRONMENT + "  renderer: helmfile\n", "env.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("'helmfile'")
                    .hasMessageContaining("native, flux, argocd")
                    .hasMessageContaining("/spec/renderer");
        }
    }

    @Nested
    class AsATree {
        @Test
        void writesOnlyANonDefaultRenderer() {
            var flux = new Environment("e", "c", Map.of(), RendererChoice.FLUX);
            var nativeOne = new Environment("e", "c", Map.of());

            assertThat(spec(flux)).containsEntry("renderer", "flux");
            assertThat(spec(nativeOne)).doesNotContainKey("renderer");
        }

        @Test
        void roundTripsEveryChoice() {
            for (RendererChoice choice : RendererChoice.values()) {
                var environment = new Environment(
                        "e", "c", Map.of("a", 1), choice, FluxSettings.defaults(), ArgoCdSettings.of("https://git/x"));
                assertThat(Environment.fromTree(environment.toTree())).isEqualTo(environment);
            }
        }

        @Test
        void rejectsAnUnknownRendererWithATypedException() {
            var environment = new Environment("e", "c", Map.of(), RendererChoice.FLUX);
            var spec = new LinkedHashMap<>(spec(environment));
            spec.put("renderer", "helmfile");
            var tree = new LinkedHashMap<>(environment.toTree());
            tree.put("spec", spec);

            assertThatThrownBy(() -> Environment.fromTree(tree))
                    .isInstanceOf(UnknownRendererException.class)
                    .satisfies(e -> assertThat(((UnknownRendererException) e).renderer())
                            .isEqualTo("helmfile"));
        }

        private Map<String, Object> spec(Environment environment) {
            return spec(environment.toTree());
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> spec(Map<String, Object> tree) {
            return (Map<String, Object>) tree.get("spec");
        }
    }

    @Test
    void idIsTheLowerCaseName() {
        assertThat(RendererChoice.ARGOCD.id()).isEqualTo("argocd");
        assertThat(RendererChoice.fromId("native")).isEqualTo(RendererChoice.NATIVE);
    }
}
