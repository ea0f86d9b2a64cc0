package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.RenderRequest;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RenderersTest {
    static final ArgoCdOptions ARGO = ArgoCdOptions.of("https://git.example.com/ops/platform.git");
    static final List<LayoutRenderer> RENDERERS = List.of(
            Renderers.flux(FluxOptions.defaults()),
            Renderers.flux(FluxOptions.defaults().withMinimumVersion(FluxVersion.V2_3)),
            Renderers.argoCd(ARGO));

    @Nested
    class ForEverySample {
        @Test
        void everyRenderedManifestValidatesAgainstItsSchema() throws IOException {
            var schemas = SharedSchemas.locate();
            var errors = new ArrayList<String>();
            int checked = 0;
            for (RenderedFiles files : renderAllSamples()) {
                for (String path : manifestPaths(files)) {
                    for (JsonNode document : SharedSchemas.documents(files.text(path))) {
                        schemas.errors(document).forEach(error -> errors.add(path + ": " + error));
                        checked++;
                    }
                }
            }
            assertThat(errors).isEmpty();
            assertThat(checked).isGreaterThan(40);
        }

        @Test
        void noRenderedFileHoldsASecretValue() throws IOException {
            for (RenderedFiles files : renderAllSamples()) {
                for (String path : files.paths()) {
                    for (Object secret : Samples.SECRETS.values()) {
                        assertThat(files.text(path)).as(path).doesNotContain((String) secret);
                    }
                }
            }
        }

        @Test
        void renderingTwiceGivesIdenticalBytes() throws IOException {
            var first = renderAllSamples();
            var second = renderAllSamples();

            assertThat(second).isEqualTo(first);
            for (int i = 0; i < first.size(); i++) {
                for (String path : first.get(i).paths()) {
                    assertThat(second.get(i).content(path))
                            .isEqualTo(first.get(i).content(path));
                }
            }
        }
    }

    @Nested
    class WithSecrets {
        private final RenderRequest production = Samples.monitoringFor(Samples.environment("production"));

        @Test
        void fluxDecryptsWithSopsOnlyWhereTheComponentCarriesSecrets() {
            String clusters = Renderers.flux(FluxOptions.defaults())
                    .render(production)
                    .text("clusters/production/monitoring.yaml");
            var documents = SharedSchemas.documents(clusters);

            assertThat(documents)
                    .filteredOn(document -> document.path("spec").has("decryption"))
                    .extracting(
                            document -> document.path("metadata").path("name").asString())
                    .containsExactly("monitoring-cloudflare-token", "monitoring-grafana");
            assertThat(clusters).contains("provider: sops");
        }

        @Test
        void leavesSecretObjectsAndSecretValuesOut() {
            var files = Renderers.flux(FluxOptions.defaults()).render(production);

            assertThat(files.paths()).doesNotContain("apps/production/monitoring/cloudflare-token/objects.yaml");
            assertThat(files.text("apps/production/monitoring/grafana/objects.yaml"))
                    .doesNotContain("adminPassword")
                    .contains("root_url: https://app.example.com/");
        }

        @Test
        void fluxWritesSopsRulesThatKeepMetadataReadable() {
            String recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
            var files = Renderers.flux(FluxOptions.defaults().withAgeRecipients(List.of(recipient)))
                    .render(production);

            assertThat(files.text("apps/production/.sops.yaml"))
                    .contains("encrypted_regex: ^(data|stringData)$")
                    .contains("age: " + recipient);
        }
    }

    @Nested
    class ForOciCharts {
        private final Environment dev = new Environment("dev", "dev-eu", Map.of());
        private final RenderRequest request = RenderRequest.of(dev, ociStack().render(dev));

        @Test
        void usesOciRepositoryVersionOneFromFluxTwoSix() {
            String objects =
                    Renderers.flux(FluxOptions.defaults()).render(request).text("apps/dev/oci/podinfo/objects.yaml");

            assertThat(objects)
                    .contains("apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository")
                    .contains("url: oci://ghcr.io/stefanprodan/charts/podinfo")
                    .contains("chartRef:");
            assertValid(objects);
        }

        @Test
        void keepsOciRepositoryAtVersionOneBetaTwoForOlderFlux() {
            String objects = Renderers.flux(FluxOptions.defaults().withMinimumVersion(FluxVersion.V2_3))
                    .render(request)
                    .text("apps/dev/oci/podinfo/objects.yaml");

            assertThat(objects)
                    .contains("apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: OCIRepository")
                    .doesNotContain("source.toolkit.fluxcd.io/v1\n");
            assertValid(objects);
        }

        @Test
        void givesArgoCdTheRegistryWithoutTheScheme() {
            String application = Renderers.argoCd(ARGO).render(request).text("argocd/dev/oci/apps/podinfo.yaml");

            assertThat(application)
                    .contains("repoURL: ghcr.io/stefanprodan/charts")
                    .doesNotContain("oci://");
            assertValid(application);
        }

        @Test
        void pullsAPinnedChartByItsDigestInFluxAndArgoCd() {
            String digest = "sha256:" + "ab".repeat(32);
            var helm = new HelmSource("oci://ghcr.io/stefanprodan/charts", "podinfo", "6.7.1", "podinfo", Map.of())
                    .withDigest(digest);
            var stack = new Stack("oci", Map.of(), List.of(new Component("podinfo", List.of(), helm, List.of())));
            var pinned = RenderRequest.of(dev, stack.render(dev));

            String objects =
                    Renderers.flux(FluxOptions.defaults()).render(pinned).text("apps/dev/oci/podinfo/objects.yaml");
            String application = Renderers.argoCd(ARGO).render(pinned).text("argocd/dev/oci/apps/podinfo.yaml");

            assertThat(objects).contains("ref:\n    digest: " + digest + "\n    tag: \"6.7.1\"");
            assertThat(application)
                    .contains("repoURL: oci://ghcr.io/stefanprodan/charts/podinfo")
                    .contains("path: \".\"")
                    .contains("targetRevision: " + digest)
                    .doesNotContain("chart: podinfo");
            assertValid(objects);
            assertValid(application);
        }

        @Test
        void keepsTheTagAloneForAChartWithoutDigest() {
            String objects =
                    Renderers.flux(FluxOptions.defaults()).render(request).text("apps/dev/oci/podinfo/objects.yaml");

            assertThat(objects).contains("ref:\n    tag: \"6.7.1\"").doesNotContain("digest");
        }

        private Stack ociStack() {
            var helm = new HelmSource("oci://ghcr.io/stefanprodan/charts", "podinfo", "6.7.1", "podinfo", Map.of());
            return new Stack("oci", Map.of(), List.of(new Component("podinfo", List.of(), helm, List.of())));
        }

        private void assertValid(String yaml) {
            var schemas = SharedSchemas.locate();
            SharedSchemas.documents(yaml)
                    .forEach(document -> assertThat(schemas.errors(document)).isEmpty());
        }
    }

    @Nested
    class ForArgoCd {
        private final RenderedFiles files =
                Renderers.argoCd(ARGO).render(Samples.monitoringFor(Samples.environment("staging")));

        @Test
        void skipsDryRunForACustomResourceWhoseDefinitionComesFromAnEarlierWave() {
            assertThat(files.text("argocd/staging/monitoring/apps/letsencrypt-issuer.yaml"))
                    .contains(ArgoCdLayout.SKIP_DRY_RUN);
            assertThat(files.text("argocd/staging/monitoring/apps/cloudflare-token.yaml"))
                    .doesNotContain(ArgoCdLayout.SKIP_DRY_RUN);
        }

        @Test
        void pointsTheRootApplicationAtTheAppsFolder() {
            assertThat(files.text("argocd/staging/monitoring.yaml"))
                    .contains("path: argocd/staging/monitoring/apps")
                    .contains("repoURL: https://git.example.com/ops/platform.git");
        }
    }

    static List<RenderedFiles> renderAllSamples() throws IOException {
        var rendered = new ArrayList<RenderedFiles>();
        for (var file : sampleFiles()) {
            var parsed = StackFiles.read(file);
            for (var stack : parsed.stacks()) {
                for (Environment environment : Samples.environments()) {
                    var request = RenderRequest.of(environment, stack.render(environment, Samples.SECRETS));
                    var placeholders = Samples.withPlaceholders(environment, stack);
                    RENDERERS.forEach(renderer -> rendered.add(renderer.render(request)));
                    RENDERERS.forEach(renderer -> rendered.add(renderer.render(placeholders)));
                }
            }
        }
        return rendered;
    }

    private static List<Path> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Samples.folder())) {
            return files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    static List<String> manifestPaths(RenderedFiles files) {
        return files.paths().stream()
                .filter(path -> !path.endsWith(".sops.yaml"))
                .toList();
    }

    static Map<String, String> texts(RenderedFiles files) {
        var texts = new java.util.TreeMap<String, String>();
        files.paths().forEach(path -> texts.put(path, files.text(path)));
        return texts;
    }
}
