package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingSettingsTest {
    private static final Path KEYS = Path.of("src/test/resources/recording-keys");

    @Test
    void readsTheKeysFromTheEnvironmentFileAndWritesThemBack() throws IOException {
        String keyId = Files.readString(KEYS.resolve("recorder.keyid")).strip();
        String key = Files.readString(KEYS.resolve("recorder.asc"));
        var environment = new Environment("production", "prod-eu", java.util.Map.of())
                .withRecording(
                        new RecordingSettings(List.of("0x" + keyId.toLowerCase(java.util.Locale.ROOT)), List.of(key)));

        Environment read =
                StackFiles.parseEnvironment(StackFiles.toYaml(List.of(environment.toTree())), "production.yaml");

        assertThat(read.recording().keyIds()).containsExactly(keyId);
        assertThat(read.recording().keys()).containsExactly(key.strip());
        assertThat(read).isEqualTo(environment);
        assertThat(read.toString()).doesNotContain("BEGIN");
        assertThat(new Environment("staging", "staging-eu", java.util.Map.of())
                        .toTree()
                        .toString())
                .doesNotContain("recording");
    }

    @Test
    void replacingTheVariablesKeepsTheChartAndRecordingSettings() throws IOException {
        String key = Files.readString(KEYS.resolve("recorder.asc"));
        String keyId = Files.readString(KEYS.resolve("recorder.keyid")).strip();
        var environment = new Environment("production", "prod-eu", java.util.Map.of("domain", "example.com"))
                .withCharts(ChartSettings.digests())
                .withRecording(new RecordingSettings(List.of(keyId), List.of(key)));

        Environment replaced = environment.withVariables(java.util.Map.of("domain", "example.org", "db", "<redacted>"));

        assertThat(replaced.variables()).containsOnlyKeys("domain", "db").containsEntry("domain", "example.org");
        assertThat(replaced.charts()).isEqualTo(ChartSettings.digests());
        assertThat(replaced.recording()).isEqualTo(environment.recording());
        assertThat(replaced.renderer()).isEqualTo(environment.renderer());
        assertThat(replaced.withVariables(environment.variables())).isEqualTo(environment);
    }

    @Test
    void refusesAPrivateKeyBlock() {
        assertThatThrownBy(() ->
                        keys("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQ==\n-----END PGP PRIVATE KEY BLOCK-----"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("/spec/recording/keys/0")
                .hasMessageContaining("is a private key");
    }

    @Test
    void refusesASecretKeyPacketDisguisedAsAPublicBlock() {
        // An old-format packet header of tag 5 (secret key), under a public key block's armor lines.
        String body = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x94, 3, 4, 1, 2});
        assertThatThrownBy(() -> keys(armor(body)))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("is a private key");
    }

    @Test
    void refusesTextThatIsNotAPublicKey() {
        assertThatThrownBy(() -> keys("ssh-ed25519 AAAAC3Nza recorder"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("not an armored OpenPGP public key block");
        assertThatThrownBy(() -> keys(armor("not*base64")))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("not valid base64 armor");
        assertThatThrownBy(() -> keys(armor(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC2, 1, 0}))))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("does not start with an OpenPGP public key packet");
    }

    @Test
    void refusesAShortKeyIdNamingTheField() {
        assertThatThrownBy(() -> new RecordingSettings(List.of("DEADBEEF"), List.of()))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("/spec/recording/keyIds/0")
                .hasMessageContaining("16 hexadecimal digits");
    }

    private static RecordingSettings keys(String key) {
        return new RecordingSettings(List.of(), List.of(key));
    }

    private static String armor(String body) {
        return "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + body + "\n-----END PGP PUBLIC KEY BLOCK-----\n";
    }
}
