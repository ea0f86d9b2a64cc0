package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.render.layout.ReconcilerLayout;
import dev.countersign.render.spi.ProtectedObjects;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RecordingSettings;
import dev.countersign.stack.StackFiles;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The recording keys an environment file names reach the Flux and Argo CD layouts recorded for its stacks. */
class EnvironmentRecordingKeysTest {
    private static final String PATCH = "clusters/production/flux-system/countersign-verify.yaml";
    private static final String SECRET = "clusters/production/countersign-recording-keys.yaml";
    private static final String PROJECT = "argocd/production/appproject-default.yaml";

    @Test
    void fluxLayoutOfARecordedEnvironmentVerifiesHeadsWithItsKeys() {
        SortedMap<String, byte[]> files = render(environment("renderer: flux"));

        JsonNode patch = SharedSchemas.documents(text(files, PATCH)).get(0);
        assertThat(patch.path("spec").path("verify").path("mode").asString()).isEqualTo("HEAD");
        assertThat(patch.path("spec")
                        .path("verify")
                        .path("secretRef")
                        .path("name")
                        .asString())
                .isEqualTo(SignedHeads.FLUX_SECRET);
        JsonNode secret = SharedSchemas.documents(text(files, SECRET)).get(0);
        assertThat(secret.path("stringData").path("recorder-1.asc").asString())
                .isEqualTo(SignedHeadsTest.keys().armoredKeys().get(0).strip() + "\n");
    }

    @Test
    void argoCdLayoutOfARecordedEnvironmentNamesItsKeyIds() {
        SortedMap<String, byte[]> files =
                render(environment("renderer: argocd\n  argocd: {repoURL: https://git.example.com/ops.git}"));

        JsonNode project = SharedSchemas.documents(text(files, PROJECT)).get(0);
        assertThat(project.path("spec")
                        .path("signatureKeys")
                        .get(0)
                        .path("keyID")
                        .asString())
                .isEqualTo(SignedHeadsTest.keys().keyIds().get(0));
    }

    @Test
    void anEnvironmentWithoutKeysRendersNothingAboutSignatures() {
        SortedMap<String, byte[]> files =
                render(Samples.environment("production").withFlux(dev.countersign.stack.FluxSettings.defaults()));

        assertThat(files).doesNotContainKeys(PATCH, SECRET);
    }

    @Test
    void fluxRefusesAnEnvironmentThatNamesKeyIdsButNoArmoredKeys() {
        Environment env = environment("renderer: flux");
        Environment idsOnly =
                env.withRecording(new RecordingSettings(env.recording().keyIds(), List.of()));

        assertThatThrownBy(() -> render(idsOnly))
                .isInstanceOf(InvalidRecordingKeyException.class)
                .hasMessageContaining("recordingKeys.armoredKeys");
    }

    private static SortedMap<String, byte[]> render(Environment env) {
        var monitoring = Samples.monitoring();
        return ReconcilerLayout.render(
                env, monitoring, monitoring.secretVariables(), false, List.of(), ProtectedObjects.defaults());
    }

    private static String text(SortedMap<String, byte[]> files, String path) {
        assertThat(files).containsKey(path);
        return new String(files.get(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The sample production environment's file, with a renderer and the recorder's keys under spec.recording. */
    private static Environment environment(String renderer) {
        RecordingKeys keys = SignedHeadsTest.keys();
        String block = keys.armoredKeys()
                .get(0)
                .strip()
                .lines()
                .map(line -> "        " + line)
                .collect(Collectors.joining("\n"));
        Environment production = Samples.environment("production");
        String yaml = "apiVersion: countersign.dev/v1\nkind: Environment\nmetadata: {name: production}\nspec:\n"
                + "  cluster: " + production.cluster() + "\n  " + renderer + "\n"
                + "  recording:\n    keyIds: ['" + keys.keyIds().get(0) + "']\n    keys:\n      - |\n" + block + "\n";
        Environment env = StackFiles.parseEnvironment(yaml, "production.yaml");
        return new Environment(
                env.name(),
                env.cluster(),
                production.variables(),
                env.renderer(),
                env.flux(),
                env.argoCd(),
                env.charts(),
                env.recording());
    }
}
