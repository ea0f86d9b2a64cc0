package dev.countersign.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.spi.LayoutRenderer;
import dev.countersign.gitops.spi.RenderedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The monitoring sample rendered for production, compared byte for byte with the reviewed files in
 * {@code src/test/resources/golden/}. To regenerate after a deliberate change, run this test with
 * {@code -Dgolden.write=true}, then review the diff by hand before committing it.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/monitoring-production");

    @Test
    void fluxMatchesTheReviewedFiles() throws IOException {
        check("flux", Renderers.flux(FluxOptions.defaults()));
    }

    @Test
    void argoCdMatchesTheReviewedFiles() throws IOException {
        check("argocd", Renderers.argoCd(RenderersTest.ARGO));
    }

    private static void check(String target, LayoutRenderer renderer) throws IOException {
        Path folder = GOLDEN.resolve(target);
        RenderedFiles files = renderer.render(Samples.monitoringFor(Samples.environment("production")));
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
