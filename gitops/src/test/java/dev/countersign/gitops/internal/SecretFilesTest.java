package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.NoSecretRecipientsException;
import dev.countersign.gitops.Secrets;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.MacMismatchException;
import dev.countersign.sops.Sops;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretFilesTest {
    private static final AgeIdentity KEY = AgeIdentity.generate(new SecureRandom());
    private static final String PATH = "environments/staging/web/secrets.sops.yaml";
    private static final SecretFiles FILES = new SecretFiles(Clock.systemUTC(), new SecureRandom());

    private static byte[] config(String regex) {
        return ("creation_rules:\n  - path_regex: " + regex + "\n    age: " + KEY.recipient() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] CONFIG = config("^environments/[^/]+/[^/]+/secrets\\.sops\\.yaml$");

    @Test
    void encryptsEveryValueToTheMatchingRuleSoTheKeyDecryptsIt() {
        Secrets secrets = Secrets.of(Map.of("token", "s3cr3t \"quoted\"\n\\", "port", "5432"));

        byte[] file = FILES.encrypt(CONFIG, PATH, secrets);

        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("s3cr3t");
        assertThat(SecretFiles.isEncrypted(file)).isTrue();
        assertThat(SecretFiles.names(file)).containsExactly("port", "token");
        String plain = new String(
                Sops.builder().keySource(AgeKeys.source(List.of(KEY))).build().decrypt(file, FileFormat.YAML),
                StandardCharsets.UTF_8);
        assertThat(Secrets.parse(plain, "decrypted").reveal()).isEqualTo(secrets.reveal());
    }

    @Test
    void failsTheMacWhenAValueIsRemoved() {
        byte[] file = FILES.encrypt(CONFIG, PATH, Secrets.of(Map.of("a", "1", "b", "2")));
        String text = new String(file, StandardCharsets.UTF_8);
        byte[] tampered = text.replaceFirst("(?m)^a: .*\\n", "").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Sops.builder()
                        .keySource(AgeKeys.source(List.of(KEY)))
                        .build()
                        .decrypt(tampered, FileFormat.YAML))
                .isInstanceOf(MacMismatchException.class);
    }

    @Test
    void refusesAPathNoRuleMatchesOrAMissingConfig() {
        Secrets secrets = Secrets.of(Map.of("a", "s3cr3t"));

        assertThatThrownBy(() -> FILES.encrypt(config("^elsewhere/"), PATH, secrets))
                .isInstanceOf(NoSecretRecipientsException.class)
                .hasMessageContaining(PATH);
        assertThatThrownBy(() -> FILES.encrypt(null, PATH, secrets)).isInstanceOf(NoSecretRecipientsException.class);
    }

    @Test
    void tellsAPlaintextFileFromAnEncryptedOne() {
        assertThat(SecretFiles.isEncrypted("token: s3cr3t\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(SecretFiles.isEncrypted("token: s3cr3t\nsops: {mac: x}\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(SecretFiles.isEncrypted("{{ not yaml".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void encryptsAFluxSecretLeavingItsMetadataReadable() {
        Secrets secrets = Secrets.of(Map.of("token_b64", "czNjcjN0", "password", "pw-s3cr3t"));

        byte[] file = FILES.encryptFluxSecret(CONFIG, PATH, "web", secrets, java.util.Set.of("token_b64"));

        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("kind: Secret", "name: web-secrets", "namespace: flux-system", "encrypted_regex")
                .doesNotContain("pw-s3cr3t", "czNjcjN0");
        assertThat(SecretFiles.isEncryptedSecret(file)).isTrue();
        String plain = new String(
                Sops.builder().keySource(AgeKeys.source(List.of(KEY))).build().decrypt(file, FileFormat.YAML),
                StandardCharsets.UTF_8);
        assertThat(plain).contains("token_b64: czNjcjN0", "password: pw-s3cr3t");
        assertThat(plain.indexOf("data:"))
                .isLessThan(plain.indexOf("token_b64"))
                .isLessThan(plain.indexOf("stringData:"));
    }

    @Test
    void refusesADataVariableThatIsNotBase64WithoutEchoingIt() {
        Secrets secrets = Secrets.of(Map.of("token_b64", "not base64!"));

        assertThatThrownBy(() -> FILES.encryptFluxSecret(CONFIG, PATH, "web", secrets, java.util.Set.of("token_b64")))
                .isInstanceOf(dev.countersign.gitops.InvalidProposalException.class)
                .hasMessageContaining("token_b64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void tellsAPlaintextSecretFromAnEncryptedOne() {
        String plain = "apiVersion: v1\nkind: Secret\nstringData: {a: plain}\nsops: {mac: x}\n";
        assertThat(SecretFiles.isEncryptedSecret(plain.getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
