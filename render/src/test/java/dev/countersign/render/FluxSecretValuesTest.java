package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.StackFiles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FluxSecretValuesTest {
    private static final String RAW = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: app}
            spec:
              variables: {greeting: hello}
              components:
                - name: creds
                  manifests:
                    - apiVersion: v1
                      kind: Secret
                      metadata: {name: creds, namespace: app}
                      data:
                        token: "${token_b64}"
                        fixed: "bGl0ZXJhbA=="
                      stringData:
                        url: "https://user:${password}@db/app"
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: script, namespace: app}
                      data:
                        run.sh: "echo $${HOME} ${greeting}"
                    - apiVersion: v1
                      kind: Secret
                      metadata: {name: literal, namespace: app}
                      stringData: {key: plain-secret-literal}
                - name: web
                  dependsOn: [creds]
                  manifests:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: web, namespace: app}
                      data: {motd: "$${not_a_variable}"}
            """;

    private final RenderedFiles monitoring = Renderers.flux(FluxOptions.defaults())
            .render(Samples.withPlaceholders(Samples.environment("production"), Samples.monitoring()));

    @Nested
    class HelmValues {
        @Test
        void comeFromTheStackSecretThroughValuesFrom() {
            String release = monitoring.text("apps/production/monitoring/grafana/objects.yaml");

            assertThat(release)
                    .contains("valuesFrom:")
                    .contains("name: monitoring-secrets")
                    .contains("valuesKey: grafana_admin_password")
                    .contains("targetPath: adminPassword")
                    .doesNotContain("adminPassword:")
                    .doesNotContain("\u0000");
        }

        @Test
        void makeTheComponentWaitForTheSecretsKustomization() {
            var grafana = kustomization("monitoring-grafana");

            assertThat(grafana.path("spec").path("dependsOn").toString()).contains("monitoring-secrets");
            assertThat(grafana.path("spec").has("postBuild")).isFalse();
        }
    }

    @Nested
    class SecretsKustomization {
        @Test
        void decryptsTheSecretsFolderWithTheSopsAgeKey() {
            var secrets = kustomization("monitoring-secrets");

            assertThat(secrets.path("spec").path("path").asString()).isEqualTo("./apps/production/monitoring/secrets");
            assertThat(secrets.path("spec").path("decryption").path("provider").asString())
                    .isEqualTo("sops");
            assertThat(secrets.path("spec")
                            .path("decryption")
                            .path("secretRef")
                            .path("name")
                            .asString())
                    .isEqualTo("sops-age");
            assertThat(monitoring.text("apps/production/monitoring/secrets/kustomization.yaml"))
                    .contains("- secret.sops.yaml");
        }

        @Test
        void isLeftOutWithoutSecretVariables() {
            var plain = Renderers.flux(FluxOptions.defaults())
                    .render(Samples.monitoringFor(Samples.environment("production")));

            assertThat(plain.paths()).noneMatch(path -> path.contains("/secrets/"));
            assertThat(plain.text("clusters/production/monitoring.yaml")).doesNotContain("monitoring-secrets");
        }

        @Test
        void refusesAComponentNamedSecrets() {
            var stack = StackFiles.parseStack(
                    RAW.replace("- name: creds\n", "- name: secrets\n")
                            .replace("dependsOn: [creds]", "dependsOn: [secrets]"),
                    "s.yaml");

            assertThatThrownBy(() -> Renderers.flux(FluxOptions.defaults())
                            .render(Samples.withPlaceholders(Samples.environment("staging"), stack)))
                    .isInstanceOf(RenderException.class)
                    .hasMessageContaining("component named 'secrets'");
        }
    }

    @Nested
    class RawSecrets {
        private final RenderedFiles files = Renderers.flux(FluxOptions.defaults())
                .render(Samples.withPlaceholders(
                        Samples.environment("staging"), StackFiles.parseStack(RAW, "app.yaml")));
        private final String objects = files.text("apps/staging/app/creds/objects.yaml");

        @Test
        void carryPostBuildReferencesInStringData() {
            var secret = SharedSchemas.documents(objects).get(0);

            assertThat(secret.path("stringData").path("token").asString()).isEqualTo("${token_b64}");
            assertThat(secret.path("stringData").path("url").asString()).isEqualTo("https://user:${password}@db/app");
            assertThat(secret.path("data").has("token")).isFalse();
        }

        @Test
        void leaveLiteralSecretValuesAndSecretsWithoutVariablesOut() {
            assertThat(objects).doesNotContain("bGl0ZXJhbA==").doesNotContain("plain-secret-literal");
            assertThat(objects).doesNotContain("name: literal");
        }

        @Test
        void escapeEveryOtherDollarBraceOfTheSubstitutedComponent() {
            assertThat(objects).contains("echo $${HOME} hello");
            assertThat(files.text("apps/staging/app/web/objects.yaml"))
                    .as("a component without postBuild keeps its text")
                    .contains("${not_a_variable}")
                    .doesNotContain("$${");
        }

        @Test
        void substituteFromTheStackSecretAfterIt() {
            var creds = SharedSchemas.documents(files.text("clusters/staging/app.yaml")).stream()
                    .filter(k -> k.path("metadata").path("name").asString().equals("app-creds"))
                    .findFirst()
                    .orElseThrow();

            assertThat(creds.path("spec")
                            .path("postBuild")
                            .path("substituteFrom")
                            .get(0)
                            .path("name")
                            .asString())
                    .isEqualTo("app-secrets");
            assertThat(creds.path("spec").path("dependsOn").toString()).contains("app-secrets");
        }

        @Test
        void validateAgainstTheSchemas() {
            var schemas = SharedSchemas.locate();
            for (String path : files.paths()) {
                if (!path.endsWith(".sops.yaml")) {
                    SharedSchemas.documents(files.text(path))
                            .forEach(document -> assertThat(schemas.errors(document))
                                    .as(path)
                                    .isEmpty());
                }
            }
        }
    }

    private JsonNode kustomization(String name) {
        return SharedSchemas.documents(monitoring.text("clusters/production/monitoring.yaml")).stream()
                .filter(k -> k.path("metadata").path("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
