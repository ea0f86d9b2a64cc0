package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFilesTest {
    static final String MINIMAL = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: demo}
            spec:
              components:
                - name: web
                  helm: {repository: https://charts.example.com, chart: web, version: 1.0.0, namespace: web,
                         values: %s}
            """;

    static Stack minimal(String values) {
        return StackFiles.parseStack(MINIMAL.formatted(values), "demo.yaml");
    }

    @Nested
    class ReadingTheSamples {
        @Test
        void readsTheMonitoringStack() {
            Stack stack = Samples.monitoring();

            assertThat(stack.name()).isEqualTo("monitoring");
            assertThat(stack.componentNames())
                    .containsExactly(
                            "cert-manager",
                            "cloudflare-token",
                            "letsencrypt-issuer",
                            "prometheus",
                            "alertmanager",
                            "grafana");
            assertThat(stack.component("grafana").orElseThrow().source()).isInstanceOf(HelmSource.class);
            assertThat(stack.variables()).containsEntry("replicas", 1L);
        }

        @Test
        void readsBothEnvironments() {
            assertThat(Samples.production().variables()).containsEntry("domain", "app.example.com");
            assertThat(Samples.staging().cluster()).isEqualTo("staging-eu");
        }

        @Test
        void readsStackAndEnvironmentFromOneMultiDocumentFile(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("both.yaml");
            Files.writeString(
                    file,
                    Files.readString(Samples.DIR.resolve("monitoring.yaml")) + "---\n"
                            + Files.readString(Samples.DIR.resolve("staging.yaml")));

            StackFile parsed = StackFiles.read(file);

            assertThat(parsed.stacks()).hasSize(1);
            assertThat(parsed.environments()).extracting(Environment::name).containsExactly("staging");
        }
    }

    @Nested
    class YamlSemantics {
        @Test
        void keepsYaml12WordsAsStrings() {
            Stack stack = minimal("{on: no, yes: off}");

            assertThat(values(stack)).containsEntry("on", "no").containsEntry("yes", "off");
        }

        @Test
        void normalisesNumbers() {
            Stack stack = minimal("{a: 1.50, b: 2.0, c: 10}");

            assertThat(values(stack))
                    .containsEntry("a", new BigDecimal("1.5"))
                    .containsEntry("b", 2L)
                    .containsEntry("c", 10L);
        }

        @Test
        void readsJsonToTheSameStackAsYaml() {
            Stack yaml = Samples.monitoring();

            Stack json = StackFiles.parseStack(StackFiles.toJson(yaml.toTree()), "monitoring.json");

            assertThat(json).isEqualTo(yaml);
        }

        @Test
        void quotesStringsThatLookLikeNumbers() {
            Stack stack = minimal("{a: '1.0', b: '1e3', c: '0x1F', d: '.inf', e: 'true', f: '007'}");

            Stack again = StackFiles.parseStack(StackFiles.toYaml(List.of(stack.toTree())), "again.yaml");

            assertThat(values(again))
                    .containsEntry("a", "1.0")
                    .containsEntry("b", "1e3")
                    .containsEntry("c", "0x1F")
                    .containsEntry("d", ".inf")
                    .containsEntry("e", "true")
                    .containsEntry("f", "007");
        }

        @Test
        void writesYamlThatReadsBack() {
            Stack stack = Samples.monitoring();

            assertThat(StackFiles.parseStack(StackFiles.toYaml(List.of(stack.toTree())), "again.yaml"))
                    .isEqualTo(stack);
        }
    }

    @Nested
    class Limits {
        @Test
        void rejectsAliases() {
            String bomb = """
                    apiVersion: countersign.dev/v1
                    kind: Stack
                    metadata: {name: demo}
                    spec:
                      variables:
                        a: &a ["x", "x", "x"]
                        b: [*a, *a, *a]
                      components: []
                    """;

            assertThatThrownBy(() -> StackFiles.parse(bomb, "bomb.yaml"))
                    .isInstanceOf(DocumentLimitException.class)
                    .hasMessageContaining("alias")
                    .hasMessageContaining("/spec/variables/b/0");
        }

        @Test
        void rejectsDuplicateKeys() {
            assertThatThrownBy(() -> minimal("{a: 1, a: 2}"))
                    .isInstanceOf(DocumentLimitException.class)
                    .hasMessageContaining("duplicate key")
                    .hasMessageContaining("\"a\"");
        }

        @Test
        void rejectsDuplicateKeysInJson() {
            assertThatThrownBy(() -> StackFiles.parse("{\"kind\": \"Stack\", \"kind\": \"Stack\"}", "x.json"))
                    .isInstanceOf(DocumentLimitException.class)
                    .hasMessageContaining("duplicate key 'kind' at /");
        }

        @Test
        void rejectsDeepNesting() {
            String deep = "[".repeat(StackFiles.MAX_DEPTH + 1) + "]".repeat(StackFiles.MAX_DEPTH + 1);

            assertThatThrownBy(() -> StackFiles.parse(deep, "deep.json"))
                    .isInstanceOf(DocumentLimitException.class)
                    .hasMessageContaining("nesting deeper than " + StackFiles.MAX_DEPTH);
        }

        @Test
        void rejectsOversizedDocuments() {
            String huge = "#".repeat(StackFiles.MAX_CHARS + 1);

            assertThatThrownBy(() -> StackFiles.parse(huge, "huge.yaml"))
                    .isInstanceOf(DocumentLimitException.class)
                    .hasMessageContaining("huge.yaml is " + (StackFiles.MAX_CHARS + 1) + " characters long");
        }

        @Test
        void rejectsNullsOutsideHelmValuesNamingThePointer() {
            String text = MINIMAL.formatted("{}").replace("{name: demo}", "{name: demo, labels: {team: null}}");

            assertThatThrownBy(() -> StackFiles.parse(text, "demo.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("null values are not supported")
                    .hasMessageContaining("/metadata/labels/team");
        }
    }

    @Nested
    class Errors {
        @Test
        void reportsMalformedYamlWithItsLine() {
            assertThatThrownBy(() -> StackFiles.parse("a: [1, 2\nb: c: d\n", "broken.yaml"))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageStartingWith("malformed document broken.yaml at line");
        }

        @Test
        void rejectsUnknownFieldsNamingThem() {
            String text = MINIMAL.formatted("{}").replace("    - name: web", "    - name: web\n      colour: red");

            assertThatThrownBy(() -> StackFiles.parse(text, "demo.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("unknown field 'colour'")
                    .extracting(e -> ((InvalidStackException) e).pointer())
                    .isEqualTo("/spec/components/0/colour");
        }

        @Test
        void rejectsAnotherApiVersion() {
            String text = MINIMAL.formatted("{}").replace("countersign.dev/v1", "countersign.dev/v9");

            assertThatThrownBy(() -> StackFiles.parse(text, "demo.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("unsupported apiVersion 'countersign.dev/v9'");
        }

        @Test
        void rejectsAFileWithoutAStack() {
            assertThatThrownBy(() -> StackFiles.readStack(Samples.DIR.resolve("staging.yaml")))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("holds 0 stacks");
        }

        @Test
        void reportsAMissingFile(@TempDir Path dir) {
            assertThatThrownBy(() -> StackFiles.readStack(dir.resolve("absent.yaml")))
                    .isInstanceOf(MalformedDocumentException.class)
                    .hasMessageContaining("cannot read");
        }

        @Test
        void namesTheDocumentOfAMultiDocumentFile() {
            String text =
                    MINIMAL.formatted("{}") + "---\n" + MINIMAL.formatted("{}").replace("Stack", "Thing");

            assertThatThrownBy(() -> StackFiles.parse(text, "two.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("unknown kind 'Thing'")
                    .hasMessageContaining("two.yaml (document 2)");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> values(Stack stack) {
        return ((HelmSource) stack.components().get(0).source()).values();
    }
}
