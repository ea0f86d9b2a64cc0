package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.ProtectedObjects;
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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Objects the policy protects by {@code spec.protect.kinds} or {@code spec.protect.components}, and objects inside
 * Helm charts, are kept in the cluster by the reconciler (issue 18): compared byte for byte with the reviewed
 * files in {@code src/test/resources/golden/policy-protected/} and validated against the shared schemas.
 * Regenerate with {@code -Dgolden.write=true} and review the diff by hand.
 */
class PolicyProtectedObjectsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/policy-protected");
    private static final ProtectedObjects POLICY = ProtectedObjects.of(Set.of("Service"), Set.of("ledger", "db"));

    private static final Stack SHOP = StackFiles.parseStack("""
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: shop}
            spec:
              components:
                - name: front
                  manifests:
                    - apiVersion: v1
                      kind: Service
                      metadata: {name: front, namespace: shop}
                      spec: {ports: [{port: 80}]}
                    - apiVersion: v1
                      kind: Service
                      metadata:
                        name: debug
                        namespace: shop
                        labels: {countersign.dev/protected: "false"}
                      spec: {ports: [{port: 8080}]}
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: front, namespace: shop}
                      data: {mode: fast}
                - name: ledger
                  manifests:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: ledger, namespace: shop}
                      data: {currency: EUR}
                - name: db
                  helm: {repository: https://charts.example.com, chart: postgres, version: 16.2.0, namespace: shop}
                - name: cache
                  helm: {repository: oci://registry.example.com/charts, chart: valkey, version: 2.1.0,
                         namespace: shop}
            """, "shop.yaml");

    private static final Environment PRODUCTION = StackFiles.parseEnvironment("""
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: production}
            spec: {cluster: prod-eu}
            """, "production.yaml");

    private static RenderedFiles render(LayoutRenderer renderer) {
        return renderer.render(
                RenderRequest.of(PRODUCTION, SHOP.render(PRODUCTION, Map.of())).withProtection(POLICY));
    }

    @Test
    void fluxDisablesPruneOnWhatThePolicyProtectsByKindAndComponent() throws IOException {
        RenderedFiles files =
                PruneOptOutTest.check(GOLDEN.resolve("flux"), render(Renderers.flux(FluxOptions.defaults())));

        assertThat(PruneOptOutTest.annotations(files, "apps/production/shop/", PruneOptOut.FLUX.getKey()))
                .containsOnlyKeys("Service/front", "ConfigMap/ledger", "HelmRepository/shop-db", "HelmRelease/shop-db");
    }

    @Test
    void fluxKeepsEveryProtectedKindAChartRendersThroughHelm() {
        String release = render(Renderers.flux(FluxOptions.defaults())).text("apps/production/shop/cache/objects.yaml");

        for (String kind : POLICY.kinds()) {
            assertThat(release).contains("target:\n              kind: " + kind + "\n");
        }
        assertThat(count(release, "helm.sh/resource-policy: keep"))
                .isEqualTo(POLICY.kinds().size());
        assertThat(count(release, "labelSelector: countersign.dev/protected!=false"))
                .isEqualTo(POLICY.kinds().size());
        assertThat(release).doesNotContain("kustomize.toolkit.fluxcd.io/prune");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void argoCdForbidsPruneAndDeleteOnWhatThePolicyProtects() throws IOException {
        RenderedFiles files =
                PruneOptOutTest.check(GOLDEN.resolve("argocd"), render(Renderers.argoCd(RenderersTest.ARGO)));

        assertThat(PruneOptOutTest.annotations(files, "argocd/production/shop/", PruneOptOut.ARGO_CD.getKey()))
                .containsOnlyKeys(
                        "Service/front", "ConfigMap/ledger", "Application/shop-ledger", "Application/shop-db");
    }

    @Test
    void argoCdNeverCascadesNorPrunesAChartsObjects() {
        RenderedFiles files = render(Renderers.argoCd(RenderersTest.ARGO));

        for (String chart : new String[] {"db", "cache"}) {
            String application = files.text("argocd/production/shop/apps/" + chart + ".yaml");
            assertThat(application)
                    .as(chart)
                    .doesNotContain("resources-finalizer.argocd.argoproj.io")
                    .contains("prune: false");
        }
        assertThat(files.text("argocd/production/shop/apps/front.yaml"))
                .contains("resources-finalizer.argocd.argoproj.io", "prune: true");
    }

    @Test
    void defaultsProtectOnlyTheBuiltInKindsAndTheLabel() {
        ProtectedObjects defaults = ProtectedObjects.defaults();

        assertThat(defaults.kinds()).containsExactlyInAnyOrderElementsOf(ProtectedObjects.DEFAULT_KINDS);
        assertThat(defaults.covers("any", "ConfigMap", "true")).isTrue();
        assertThat(defaults.covers("any", "PersistentVolumeClaim", "false")).isFalse();
        assertThat(defaults.covers("any", "Service", "")).isFalse();
        assertThat(POLICY.covers("ledger", "ConfigMap", "false")).isTrue();
    }

    @Test
    void everyRenderedManifestValidatesAgainstItsSchema() throws IOException {
        var schemas = SharedSchemas.locate();
        var errors = new ArrayList<String>();
        var validated = new TreeSet<String>();
        for (LayoutRenderer renderer : RenderersTest.RENDERERS) {
            RenderedFiles files = render(renderer);
            for (String path : files.paths()) {
                if (path.endsWith(".sops.yaml")) {
                    continue;
                }
                for (JsonNode document : SharedSchemas.documents(files.text(path))) {
                    if (Files.exists(schemas.schemaFile(
                            document.path("apiVersion").asString(),
                            document.path("kind").asString()))) {
                        schemas.errors(document).forEach(error -> errors.add(path + ": " + error));
                        validated.add(document.path("kind").asString());
                    }
                }
            }
        }
        assertThat(errors).isEmpty();
        assertThat(validated).contains("Service", "ConfigMap", "HelmRelease", "Kustomization", "Application");
    }
}
