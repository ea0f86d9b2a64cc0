package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
    static Map<String, Object> secret() {
        return Map.of(
                "apiVersion", "v1",
                "kind", "Secret",
                "metadata", Map.of("name", "token", "namespace", "ops"),
                "data", Map.of("a/b", "eA=="),
                "stringData", Map.of("plain", "s3cr3t"));
    }

    @Test
    void readsItsIdentity() {
        Manifest manifest = new Manifest(secret());

        assertThat(manifest.apiVersion()).isEqualTo("v1");
        assertThat(manifest.kind()).isEqualTo("Secret");
        assertThat(manifest.name()).isEqualTo("token");
        assertThat(manifest.namespace()).contains("ops");
    }

    @Test
    void marksSecretDataAsSecret() {
        assertThat(new Manifest(secret()).secretPointers())
                .containsExactlyInAnyOrder("/data/a~1b", "/stringData/plain");
    }

    @Test
    void neverShowsDataInToString() {
        assertThat(new Manifest(secret())).hasToString("Manifest[v1 Secret ops/token]");
    }

    @Test
    void requiresApiVersionKindAndName() {
        assertThatThrownBy(() -> new Manifest(Map.of("kind", "ConfigMap", "metadata", Map.of("name", "x"))))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("missing required field 'apiVersion'");
        assertThatThrownBy(() -> new Manifest(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of())))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("missing required field 'name'");
    }

    @Test
    void rejectsNamesThatCouldEscapeADirectory() {
        assertThatThrownBy(() -> new Manifest(
                        Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "a..b"))))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("invalid object name 'a..b'");
        assertThatThrownBy(() -> new Manifest(Map.of(
                        "apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "a", "namespace", "../x"))))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("invalid namespace '../x'");
    }
}
