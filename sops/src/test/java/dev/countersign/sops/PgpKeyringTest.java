package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.PGPUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgpKeyringTest {
    private static final String SOPS_KEY = "getsops-sops/pgp/sops_functional_tests_key.asc";
    private static final String HELM_KEY = "helm-secrets/tests/assets/gpg/private.gpg";

    @TempDir
    Path dir;

    @Nested
    class Reading {
        @Test
        void readsEveryBlockOfAMultiBlockFile() {
            PgpKeyring keyring = PgpKeyring.read(List.of(Vectors.file(SOPS_KEY)));

            assertThat(keyring.secretFingerprints())
                    .containsExactly(
                            "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4", "D7229043384BCC60326C6FB9D8720D957C3D3074");
            assertThat(keyring.fingerprints()).contains("B611A2F9F11D0FF82568805119F9B5DAEA91FF86");
        }

        @Test
        void combinesSeveralFiles() {
            PgpKeyring keyring = PgpKeyring.read(List.of(Vectors.file(SOPS_KEY), Vectors.file(HELM_KEY)));

            assertThat(keyring.secretFingerprints()).contains("D6174A02027050E59C711075B430C4E58E2BBBA3");
            assertThat(keyring.plus(PgpKeyring.empty()).fingerprints()).isEqualTo(keyring.fingerprints());
        }

        @Test
        void readsABinaryKeyFile() throws IOException {
            byte[] binary;
            try (InputStream armored = PGPUtil.getDecoderStream(Files.newInputStream(Vectors.file(HELM_KEY)))) {
                binary = armored.readAllBytes();
            }
            Path file = Files.write(dir.resolve("private.gpg"), binary);

            assertThat(PgpKeyring.read(List.of(file)).secretFingerprints())
                    .containsExactly("D6174A02027050E59C711075B430C4E58E2BBBA3");
        }

        @Test
        void namesAMissingFile() {
            Path missing = dir.resolve("missing.asc");

            assertThatThrownBy(() -> PgpKeyring.read(List.of(missing)))
                    .isInstanceOf(KeyFileException.class)
                    .hasMessageContaining(missing.toString());
        }

        @Test
        void namesAFileWithoutKeys() throws IOException {
            Path file = Files.writeString(dir.resolve("notes.txt"), "just some text\n");

            assertThatThrownBy(() -> PgpKeyring.read(List.of(file)))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void toStringListsFingerprintsButNoKeyMaterial() {
            PgpKeyring keyring = PgpKeyring.read(List.of(Vectors.file(HELM_KEY)));

            assertThat(keyring.toString())
                    .contains("D6174A02027050E59C711075B430C4E58E2BBBA3")
                    .doesNotContain("BEGIN");
        }
    }

    @Nested
    class Locating {
        @Test
        void prefersTheOption() throws IOException {
            Path option = Files.copy(Vectors.file(HELM_KEY), dir.resolve("option.asc"));
            Map<String, String> env =
                    Map.of("COUNTERSIGN_PGP_KEYRING", Vectors.file(SOPS_KEY).toString());

            assertThat(PgpKeyring.locate(option, env).secretFingerprints())
                    .containsExactly("D6174A02027050E59C711075B430C4E58E2BBBA3");
        }

        @Test
        void fallsBackToTheVariable() {
            Map<String, String> env =
                    Map.of("COUNTERSIGN_PGP_KEYRING", Vectors.file(HELM_KEY).toString());

            assertThat(PgpKeyring.locate(null, env).secretFingerprints())
                    .containsExactly("D6174A02027050E59C711075B430C4E58E2BBBA3");
        }

        @Test
        void findsNoKeysWithoutEither() {
            assertThat(PgpKeyring.locate(null, Map.of()).fingerprints()).isEmpty();
            assertThat(PgpKeyring.locate(null, Map.of("COUNTERSIGN_PGP_KEYRING", ""))
                            .fingerprints())
                    .isEmpty();
        }
    }
}
