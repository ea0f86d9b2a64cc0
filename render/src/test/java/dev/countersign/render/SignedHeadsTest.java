package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.render.spi.RenderRequest;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SignedHeadsTest {
    private static final Path KEYS = Path.of("src/test/resources/recording-keys");
    private static final String PATCH = "clusters/production/flux-system/countersign-verify.yaml";
    private static final String SECRET = "clusters/production/countersign-recording-keys.yaml";
    private static final String PROJECT = "argocd/production/appproject-default.yaml";

    /** The recorder's public key made with {@code gpg --quick-gen-key ... ed25519 sign}, and its long id. */
    static RecordingKeys keys() {
        try {
            return new RecordingKeys(
                    List.of(Files.readString(KEYS.resolve("recorder.keyid")).strip()),
                    List.of(Files.readString(KEYS.resolve("recorder.asc"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fluxAddsOnlyTheKeysSecretAndTheVerifyPatch() {
        RenderedFiles plain = flux(RecordingKeys.none());
        RenderedFiles signed = flux(keys());

        var added = new ArrayList<>(signed.paths());
        added.removeAll(plain.paths());
        assertThat(added).containsExactly(SECRET, PATCH);
        plain.paths().forEach(path -> assertThat(signed.content(path)).as(path).isEqualTo(plain.content(path)));
    }

    @Test
    void fluxSecretHoldsTheArmoredKeyUnderAnAscName() {
        JsonNode secret = SharedSchemas.documents(flux(keys()).text(SECRET)).get(0);

        assertThat(secret.path("stringData").path("recorder-1.asc").asString())
                .isEqualTo(keys().armoredKeys().get(0).strip() + "\n");
        assertThat(SharedSchemas.locate().errors(secret)).isEmpty();
    }

    @Test
    void fluxPatchedBootstrapRepositoryVerifiesHeadsAndValidates() {
        JsonNode patch = SharedSchemas.documents(flux(keys()).text(PATCH)).get(0);
        ObjectNode bootstrap = (ObjectNode) SharedSchemas.documents("""
                        apiVersion: source.toolkit.fluxcd.io/v1
                        kind: GitRepository
                        metadata: {name: flux-system, namespace: flux-system}
                        spec:
                          interval: 1m0s
                          ref: {branch: main}
                          secretRef: {name: flux-system}
                          url: ssh://git@git.example.com/ops/platform.git
                        """).get(0);
        ((ObjectNode) bootstrap.path("spec")).set("verify", patch.path("spec").path("verify"));

        assertThat(patch.path("metadata").path("name").asString()).isEqualTo("flux-system");
        assertThat(patch.path("spec").path("verify").path("mode").asString()).isEqualTo("HEAD");
        assertThat(patch.path("spec")
                        .path("verify")
                        .path("secretRef")
                        .path("name")
                        .asString())
                .isEqualTo(SignedHeads.FLUX_SECRET);
        assertThat(SharedSchemas.locate().errors(bootstrap)).isEmpty();
    }

    @Test
    void argoCdAddsOnlyTheProjectPatchNamingTheKeyIds() {
        RenderedFiles plain = argo(RecordingKeys.none());
        RenderedFiles signed = argo(keys());
        JsonNode project = SharedSchemas.documents(signed.text(PROJECT)).get(0);

        var added = new ArrayList<>(signed.paths());
        added.removeAll(plain.paths());
        assertThat(added).containsExactly(PROJECT);
        assertThat(project.path("spec")
                        .path("signatureKeys")
                        .get(0)
                        .path("keyID")
                        .asString())
                .isEqualTo(keys().keyIds().get(0))
                .matches("[0-9A-F]{16}");
        assertThat(SharedSchemas.locate().errors(project)).isEmpty();
    }

    @Test
    void refusesAStackWhoseFileWouldBeOverwrittenByTheKeys() {
        Stack monitoring = Samples.monitoring();
        var clash = new Stack(SignedHeads.FLUX_SECRET, monitoring.variables(), monitoring.components());
        Environment production = Samples.environment("production");
        var request = RenderRequest.of(production, clash.render(production, Samples.SECRETS));

        assertThat(Renderers.flux(FluxOptions.defaults()).render(request).paths())
                .contains(SECRET);
        assertThatThrownBy(() -> Renderers.flux(FluxOptions.defaults().withRecordingKeys(keys()))
                        .render(request))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("'" + SECRET + "'");
    }

    private static RenderedFiles flux(RecordingKeys keys) {
        return Renderers.flux(FluxOptions.defaults().withRecordingKeys(keys))
                .render(Samples.monitoringFor(Samples.environment("production")));
    }

    private static RenderedFiles argo(RecordingKeys keys) {
        return Renderers.argoCd(RenderersTest.ARGO.withRecordingKeys(keys))
                .render(Samples.monitoringFor(Samples.environment("production")));
    }
}
