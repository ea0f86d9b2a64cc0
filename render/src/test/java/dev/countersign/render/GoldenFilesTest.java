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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The monitoring sample rendered for production, compared byte for byte with the reviewed files in
 * {@code src/test/resources/golden/}: once with its secret values supplied (no Flux Secret), and once for
 * Flux the way a record renders it when the stack's secrets are kept in the sops-encrypted Flux Secret
 * ({@code monitoring-production-secrets/}: the {@code <stack>-secrets} Kustomization, {@code valuesFrom}
 * and {@code postBuild.substituteFrom}; the encrypted Secret itself is written at record time and checked
 * in {@code RenderedLayoutIT}). To regenerate after a deliberate change, run this test with
 * {@code -Dgolden.write=true}, then review the diff by hand before committing it. An OCI chart pinned by its
 * digest ({@code oci-pinned-production/}) is rendered too: Flux pulls it by {@code ref.digest}, Argo CD by the
 * digest as the OCI source's {@code targetRevision}. A Helm {@code key: null} deleting a chart default
 * ({@code helm-null-production/}) is kept in Flux's {@code values} and Argo CD's {@code valuesObject}.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/monitoring-production");
    private static final Path GOLDEN_SECRETS = Path.of("src/test/resources/golden/monitoring-production-secrets");
    private static final Path GOLDEN_KEYS = Path.of("src/test/resources/golden/monitoring-production-recording-keys");
    private static final Path GOLDEN_PINNED = Path.of("src/test/resources/golden/oci-pinned-production");
    private static final Path GOLDEN_NULL = Path.of("src/test/resources/golden/helm-null-production");
    private static final String PINNED_DIGEST =
            "sha256:4d5b2b3b5a0e8f37c4f1f6f0b6a9b3c0e2d1f4a5b6c7d8e9f0a1b2c3d4e5f6a7";

    @Test
    void fluxMatchesTheReviewedFiles() throws IOException {
        check("flux", Renderers.flux(FluxOptions.defaults()));
    }

    @Test
    void argoCdMatchesTheReviewedFiles() throws IOException {
        check("argocd", Renderers.argoCd(RenderersTest.ARGO));
    }

    @Test
    void fluxWithTheSecretsInAFluxSecretMatchesTheReviewedFiles() throws IOException {
        Environment production = Samples.environment("production");
        check(
                GOLDEN_SECRETS.resolve("flux"),
                Renderers.flux(FluxOptions.defaults())
                        .render(Samples.withPlaceholders(production, Samples.monitoring())));
    }

    @Test
    void withoutRecordingKeysTheOutputIsByteIdenticalToTheReviewedFiles() throws IOException {
        check("flux", Renderers.flux(FluxOptions.defaults().withRecordingKeys(RecordingKeys.none())));
        check("argocd", Renderers.argoCd(RenderersTest.ARGO.withRecordingKeys(RecordingKeys.none())));
    }

    @Test
    void fluxWithRecordingKeysMatchesTheReviewedFiles() throws IOException {
        var options = FluxOptions.defaults().withRecordingKeys(SignedHeadsTest.keys());
        check(GOLDEN_KEYS.resolve("flux"), Renderers.flux(options).render(production()));
    }

    @Test
    void argoCdWithRecordingKeysMatchesTheReviewedFiles() throws IOException {
        var options = RenderersTest.ARGO.withRecordingKeys(SignedHeadsTest.keys());
        check(GOLDEN_KEYS.resolve("argocd"), Renderers.argoCd(options).render(production()));
    }

    @Test
    void aChartPinnedByDigestIsPulledByItsDigestAndValidates() throws IOException {
        for (String target : List.of("flux", "argocd")) {
            LayoutRenderer renderer = target.equals("flux")
                    ? Renderers.flux(FluxOptions.defaults())
                    : Renderers.argoCd(RenderersTest.ARGO);
            RenderedFiles files = renderer.render(pinned());
            check(GOLDEN_PINNED.resolve(target), files);
            var schemas = SharedSchemas.locate();
            for (String path : RenderersTest.manifestPaths(files)) {
                SharedSchemas.documents(files.text(path))
                        .forEach(document ->
                                assertThat(schemas.errors(document)).as(path).isEmpty());
            }
            assertThat(files.paths().stream().map(files::text)).anyMatch(text -> text.contains(PINNED_DIGEST));
        }
    }

    @Test
    void aHelmNullDeletingAChartDefaultReachesFluxValuesAndArgoCdValuesObjectAndValidates() throws IOException {
        for (String target : List.of("flux", "argocd")) {
            LayoutRenderer renderer = target.equals("flux")
                    ? Renderers.flux(FluxOptions.defaults())
                    : Renderers.argoCd(RenderersTest.ARGO);
            RenderedFiles files = renderer.render(helmNull());
            check(GOLDEN_NULL.resolve(target), files);
            var schemas = SharedSchemas.locate();
            for (String path : RenderersTest.manifestPaths(files)) {
                SharedSchemas.documents(files.text(path))
                        .forEach(document ->
                                assertThat(schemas.errors(document)).as(path).isEmpty());
            }
            assertThat(files.paths().stream().map(files::text))
                    .anyMatch(text -> text.contains("ingress: null") && text.contains("persistence: null"));
        }
    }

    /** A chart default deleted the Helm way: {@code ingress: null} at the top and {@code persistence: null} inside. */
    private static RenderRequest helmNull() {
        Environment production = new Environment("production", "production-eu", java.util.Map.of());
        var stack = StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: podinfo
                      helm:
                        repository: https://stefanprodan.github.io/podinfo
                        chart: podinfo
                        version: 6.7.1
                        namespace: podinfo
                        values: {ingress: null, redis: {enabled: true, persistence: null}}
                """, "web.yaml");
        return RenderRequest.of(production, stack.render(production));
    }

    private static RenderRequest pinned() {
        Environment production = new Environment("production", "production-eu", java.util.Map.of());
        var helm = new HelmSource(
                        "oci://ghcr.io/stefanprodan/charts",
                        "podinfo",
                        "6.7.1",
                        "podinfo",
                        java.util.Map.of("replicaCount", 2))
                .withDigest(PINNED_DIGEST);
        var stack = new Stack("web", java.util.Map.of(), List.of(new Component("podinfo", List.of(), helm, List.of())));
        return RenderRequest.of(production, stack.render(production));
    }

    private static RenderRequest production() {
        return Samples.monitoringFor(Samples.environment("production"));
    }

    private static void check(String target, LayoutRenderer renderer) throws IOException {
        check(GOLDEN.resolve(target), renderer.render(Samples.monitoringFor(Samples.environment("production"))));
    }

    private static void check(Path folder, RenderedFiles files) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            write(folder, files);
        }
        assertThat(relativePaths(folder)).containsExactlyElementsOf(files.paths());
        for (String path : files.paths()) {
            assertThat(files.content(path)).as(path).isEqualTo(Files.readAllBytes(folder.resolve(path)));
        }
    }

    private static List<String> relativePaths(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static void write(Path folder, RenderedFiles files) throws IOException {
        for (String path : files.paths()) {
            Path file = folder.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, files.content(path));
        }
    }
}
