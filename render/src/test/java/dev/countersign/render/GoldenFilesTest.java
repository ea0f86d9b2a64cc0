package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.RenderRequest;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Environment;
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
 * {@code -Dgolden.write=true}, then review the diff by hand before committing it.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/monitoring-production");
    private static final Path GOLDEN_SECRETS = Path.of("src/test/resources/golden/monitoring-production-secrets");
    private static final Path GOLDEN_KEYS = Path.of("src/test/resources/golden/monitoring-production-recording-keys");

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
