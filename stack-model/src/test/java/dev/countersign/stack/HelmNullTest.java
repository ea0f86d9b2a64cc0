package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Helm's {@code key: null} (deleting a chart default) in values, and nulls refused everywhere else. */
class HelmNullTest {
    private static final String VALUES = "{ingress: null, server: {persistence: null, replicas: 2}, list: [1, null]}";

    private static Map<String, Object> values(Stack stack) {
        return ((HelmSource) stack.components().get(0).source()).values();
    }

    @Nested
    class InHelmValues {
        @Test
        void isReadAsTheExplicitNull() {
            Map<String, Object> values = values(StackFilesTest.minimal(VALUES));

            assertThat(values).containsEntry("ingress", NullValue.NULL);
            assertThat(values.get("server")).isEqualTo(Map.of("persistence", NullValue.NULL, "replicas", 2L));
            assertThat(values.get("list")).isEqualTo(List.of(1L, NullValue.NULL));
        }

        @Test
        void isWrittenBackAsNullInYamlAndJson() {
            Stack stack = StackFilesTest.minimal(VALUES);

            String yaml = StackFiles.toYaml(List.of(stack.toTree()));
            String json = StackFiles.toJson(stack.toTree());

            assertThat(yaml).contains("ingress: null").contains("persistence: null");
            assertThat(json).contains("\"ingress\" : null");
            assertThat(StackFiles.parseStack(yaml, "again.yaml")).isEqualTo(stack);
            assertThat(StackFiles.parseStack(json, "again.json")).isEqualTo(stack);
        }

        @Test
        void isPartOfTheHash() {
            Stack deleting = StackFilesTest.minimal("{ingress: null}");
            Stack silent = StackFilesTest.minimal("{}");

            assertThat(ContentHash.canonicalJson(deleting.toTree())).contains("\"values\":{\"ingress\":null}");
            assertThat(ContentHash.of(deleting.toTree())).isNotEqualTo(ContentHash.of(silent.toTree()));
        }

        @Test
        void survivesRendering() {
            Stack stack = StackFilesTest.minimal("{ingress: null, host: '${domain}'}");
            var environment = new Environment("prod", "prod-eu", Map.of("domain", "example.com"));

            Map<String, Object> rendered = values(stack.render(environment).stack());

            assertThat(rendered).containsEntry("ingress", NullValue.NULL).containsEntry("host", "example.com");
        }

        @Test
        void aJavaNullInTheApiIsTheExplicitNull() {
            var values = new HashMap<String, Object>();
            values.put("ingress", null);

            var helm = new HelmSource("https://charts.example.com", "web", "1.0.0", "web", values);

            assertThat(helm.values()).containsEntry("ingress", NullValue.NULL);
        }

        @Test
        void isNoValueForTheValuesFieldItself() {
            assertThatThrownBy(() -> StackFilesTest.minimal("null"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("null values are not supported")
                    .hasMessageContaining("/spec/components/0/helm/values");
        }
    }

    @Nested
    class Elsewhere {
        @Test
        void isRefusedInAManifest() {
            String text = StackFilesTest.MINIMAL
                    .formatted("{}")
                    .replace(
                            "helm: {repository: https://charts.example.com, chart: web, version: 1.0.0, namespace: web,\n"
                                    + "             values: {}}",
                            "manifests: [{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: null}}]");

            assertThatThrownBy(() -> StackFiles.parse(text, "demo.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("null values are not supported")
                    .hasMessageContaining("/spec/components/0/manifests/0/data/a");
        }

        @Test
        void isRefusedInStackVariables() {
            String text = StackFilesTest.MINIMAL.formatted("{}").replace("spec:\n", "spec:\n  variables: {a: null}\n");

            assertThatThrownBy(() -> StackFiles.parse(text, "demo.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("/spec/variables/a");
        }

        @Test
        void isRefusedInEnvironmentVariables() {
            String text = """
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: prod}
                    spec: {cluster: prod-eu, variables: {a: null}}
                    """;

            assertThatThrownBy(() -> StackFiles.parse(text, "prod.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("/spec/variables/a");
        }

        @Test
        void isRefusedInVariablesAndManifestsBuiltThroughTheApi() {
            assertThatThrownBy(() -> new Environment("prod", "prod-eu", Map.of("a", NullValue.NULL)))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("null values are not supported");
            assertThatThrownBy(() -> new Manifest(Map.of(
                            "apiVersion",
                            "v1",
                            "kind",
                            "ConfigMap",
                            "metadata",
                            Map.of("name", "c"),
                            "data",
                            Map.of("a", NullValue.NULL))))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("/data/a");
        }
    }
}
