package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.RenderRequest;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every protected object is rendered with the reconciler's own opt-out of deletion (issue 18), compared byte
 * for byte with the reviewed files in {@code src/test/resources/golden/protected-objects/} and validated against
 * the shared schemas (every kind they hold a schema for). Regenerate with {@code -Dgolden.write=true} and review the diff by hand.
 */
class PruneOptOutTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/protected-objects");

    private static final Stack DATA = StackFiles.parseStack("""
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: data}
            spec:
              components:
                - name: storage
                  manifests:
                    - apiVersion: v1
                      kind: Namespace
                      metadata: {name: data}
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata:
                        name: db
                        namespace: data
                        annotations: {kustomize.toolkit.fluxcd.io/prune: enabled}
                      spec:
                        accessModes: [ReadWriteOnce]
                        resources: {requests: {storage: 10Gi}}
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata:
                        name: scratch
                        namespace: data
                        labels: {countersign.dev/protected: "false"}
                      spec:
                        accessModes: [ReadWriteOnce]
                        resources: {requests: {storage: 1Gi}}
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: schema
                        namespace: data
                        labels: {countersign.dev/protected: "true"}
                      data: {version: "7"}
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: tuning, namespace: data}
                      data: {cache: "on"}
            """, "data.yaml");

    private static final Environment PRODUCTION = StackFiles.parseEnvironment("""
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: production}
            spec: {cluster: prod-eu}
            """, "production.yaml");

    private static RenderRequest request() {
        return RenderRequest.of(PRODUCTION, DATA.render(PRODUCTION, Map.of()));
    }

    @Test
    void fluxDisablesPruneOnEveryProtectedObjectOnly() throws IOException {
        RenderedFiles files = check("flux", Renderers.flux(FluxOptions.defaults()));
        Map<String, String> annotations =
                annotations(files, "apps/production/data/storage/", PruneOptOut.FLUX.getKey());

        assertThat(annotations)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Namespace/data", "disabled",
                        "PersistentVolumeClaim/db", "disabled",
                        "ConfigMap/schema", "disabled"));
    }

    @Test
    void argoCdForbidsPruneAndDeleteOnEveryProtectedObjectOnly() throws IOException {
        RenderedFiles files = check("argocd", Renderers.argoCd(RenderersTest.ARGO));
        Map<String, String> annotations =
                annotations(files, "argocd/production/data/manifests/storage/", PruneOptOut.ARGO_CD.getKey());

        assertThat(annotations)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Namespace/data", "Prune=false,Delete=false",
                        "PersistentVolumeClaim/db", "Prune=false,Delete=false",
                        "ConfigMap/schema", "Prune=false,Delete=false"));
    }

    @Test
    void everyRenderedManifestValidatesAgainstItsSchema() throws IOException {
        var schemas = SharedSchemas.locate();
        var errors = new ArrayList<String>();
        var validated = new java.util.TreeSet<String>();
        for (LayoutRenderer renderer : RenderersTest.RENDERERS) {
            RenderedFiles files = renderer.render(request());
            for (String path : files.paths()) {
                if (path.endsWith(".sops.yaml")) {
                    continue;
                }
                for (JsonNode document : SharedSchemas.documents(files.text(path))) {
                    String kind = document.path("kind").asString();
                    if (Files.exists(
                            schemas.schemaFile(document.path("apiVersion").asString(), kind))) {
                        schemas.errors(document).forEach(error -> errors.add(path + ": " + error));
                        validated.add(kind);
                    }
                }
            }
        }
        assertThat(errors).isEmpty();
        // the shared schemas hold no PersistentVolumeClaim: the annotated Namespace and ConfigMap stand for it
        assertThat(validated).contains("Namespace", "ConfigMap", "Kustomization", "Application");
    }

    static Map<String, String> annotations(RenderedFiles files, String folder, String key) {
        Map<String, String> found = new TreeMap<>();
        for (String path : files.paths()) {
            if (!path.startsWith(folder)) {
                continue;
            }
            for (JsonNode document : SharedSchemas.documents(files.text(path))) {
                JsonNode value = document.path("metadata").path("annotations").path(key);
                if (!value.isMissingNode()) {
                    found.put(
                            document.path("kind").asString() + "/"
                                    + document.path("metadata").path("name").asString(),
                            value.asString());
                }
            }
        }
        return found;
    }

    private static RenderedFiles check(String target, LayoutRenderer renderer) throws IOException {
        return check(GOLDEN.resolve(target), renderer.render(request()));
    }

    /** Compares rendered files with a golden folder byte for byte, writing it first with -Dgolden.write=true. */
    static RenderedFiles check(Path folder, RenderedFiles files) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            for (String path : files.paths()) {
                Path file = folder.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, files.content(path));
            }
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            assertThat(walk.filter(Files::isRegularFile)
                            .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                            .sorted()
                            .toList())
                    .containsExactlyElementsOf(files.paths());
        }
        for (String path : files.paths()) {
            assertThat(files.content(path)).as(path).isEqualTo(Files.readAllBytes(folder.resolve(path)));
        }
        return files;
    }
}
