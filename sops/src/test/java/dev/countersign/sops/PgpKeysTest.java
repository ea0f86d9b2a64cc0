package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PgpKeysTest {
    private static final String SOPS_KEY = "getsops-sops/pgp/sops_functional_tests_key.asc";
    private static final String SOPS_FP = "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4";
    private static final String NIX_KEY = "sops-nix/pkgs/sops-install-secrets/test-assets/key.asc";
    private static final String HELM_KEY = "helm-secrets/tests/assets/gpg/private.gpg";
    private static final String HELM = "helm-secrets/tests/assets/values/sops/";
    private static final String NIX = "sops-nix/pkgs/sops-install-secrets/test-assets/";
    private static final String RES = "getsops-sops/functional-tests/res/";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:02:03.456Z"), ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static PgpTestKeys alice;
    private static PgpTestKeys protectedKey;

    @BeforeAll
    static void generateKeys() {
        alice = PgpTestKeys.generate("Alice <alice@example.org>", null, RANDOM);
        protectedKey = PgpTestKeys.generate("Bob <bob@example.org>", "secret".toCharArray(), RANDOM);
    }

    static Stream<Arguments> pgpVectors() {
        return Stream.of(
                Arguments.of("getsops-sops/example.yaml", SOPS_KEY),
                Arguments.of("getsops-sops/example.json", SOPS_KEY),
                Arguments.of("getsops-sops/example.ini", SOPS_KEY),
                Arguments.of("getsops-sops/example.txt", SOPS_KEY),
                Arguments.of("getsops-sops/examples/all_in_one/config/secret.enc.json", SOPS_KEY),
                Arguments.of("getsops-sops/examples/per_file/config.enc/static_github.json", SOPS_KEY),
                Arguments.of(RES + "comments.enc.yaml", SOPS_KEY),
                Arguments.of(RES + "comments_unencrypted_comments.yaml", SOPS_KEY),
                Arguments.of(RES + "format.enc.yaml", SOPS_KEY),
                Arguments.of(RES + "format.enc.json", SOPS_KEY),
                Arguments.of(RES + "format.enc.env", SOPS_KEY),
                Arguments.of(RES + "format.enc.ini", SOPS_KEY),
                Arguments.of(RES + "format-2.enc.ini", SOPS_KEY),
                Arguments.of(RES + "multiple_keys.yaml", SOPS_KEY),
                Arguments.of(RES + "no_mac.yaml", SOPS_KEY),
                Arguments.of(NIX + "secrets.yaml", NIX_KEY),
                Arguments.of(NIX + "secrets.json", NIX_KEY),
                Arguments.of(NIX + "secrets.env", NIX_KEY),
                Arguments.of(NIX + "secrets.ini", NIX_KEY),
                Arguments.of(NIX + "secrets.bin", NIX_KEY),
                Arguments.of(HELM + "secrets.yaml", HELM_KEY),
                Arguments.of(HELM + "some-secrets.yaml", HELM_KEY),
                Arguments.of(HELM + "secrets.trailing-newline.yaml", HELM_KEY),
                Arguments.of(HELM + "secrets.trailing-newline.raw", HELM_KEY),
                Arguments.of(HELM + "files/file.json", HELM_KEY),
                Arguments.of(HELM + "files/file.yaml", HELM_KEY),
                Arguments.of(HELM + "files/file.properties", HELM_KEY),
                Arguments.of(HELM + "secrets.gpg_key.yaml", "helm-secrets/tests/assets/gpg/private2.gpg"));
    }

    private static KeySource source(PgpKeyring keyring) {
        return PgpKeys.source(keyring, CLOCK, RANDOM);
    }

    private static KeySource vectorSource(String keyFile) {
        return source(PgpKeyring.read(List.of(Vectors.file(keyFile))));
    }

    private static KeyEntry entry(String enc) {
        return new KeyEntry("pgp", Map.of("enc", enc, "fp", "ABCD"));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Nested
    class UnwrappingVectors {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.countersign.sops.PgpKeysTest#pgpVectors")
        void recoversTheDataKeyListedInExpected(String vector, String keyFile) {
            KeySource source = vectorSource(keyFile);
            List<byte[]> keys = new ArrayList<>();
            for (String block : Vectors.armoredBlocks(vector, "PGP MESSAGE")) {
                source.unwrap(entry(block)).ifPresent(keys::add);
            }

            assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).isEqualTo(Vectors.dataKey(vector)));
        }

        @Test
        void unwrapsWithEitherKeyOfAMultiKeyFile() {
            List<String> blocks = Vectors.armoredBlocks(RES + "multiple_keys.yaml", "PGP MESSAGE");
            KeySource source = vectorSource(SOPS_KEY);

            assertThat(blocks).hasSize(2);
            assertThat(source.unwrap(entry(blocks.get(0)))).isPresent();
            assertThat(source.unwrap(entry(blocks.get(1)))).isPresent();
        }

        @Test
        void leavesAnEntryForAKeyItDoesNotHoldAlone() {
            String block = Vectors.armoredBlocks(RES + "format.enc.yaml", "PGP MESSAGE")
                    .get(0);

            assertThat(vectorSource(HELM_KEY).unwrap(entry(block))).isEmpty();
            assertThat(source(PgpKeyring.empty()).unwrap(entry(block))).isEmpty();
        }
    }

    @Nested
    class Wrapping {
        @Test
        void writesCreatedAtEncAndFpThatTheSecretKeyUnwraps() {
            byte[] dataKey = randomBytes(32);
            PgpKeyring keyring = PgpKeyring.parse(alice.armoredSecret(), "alice");

            KeyEntry entry = source(keyring).wrap(dataKey, alice.fingerprint());

            assertThat(entry.type()).isEqualTo("pgp");
            assertThat(entry.fields().keySet()).containsExactly("created_at", "enc", "fp");
            assertThat(entry.field("created_at")).contains("2026-11-24T01:02:03Z");
            assertThat(entry.field("fp")).contains(alice.fingerprint());
            assertThat(entry.field("enc").orElseThrow())
                    .startsWith("-----BEGIN PGP MESSAGE-----\n\n")
                    .endsWith("-----END PGP MESSAGE-----\n")
                    .doesNotContain("Version:");
            assertThat(source(keyring).unwrap(entry))
                    .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
        }

        @Test
        void wrapsToAPublicKeyFileAlone() {
            byte[] dataKey = randomBytes(33);
            KeyEntry entry =
                    source(PgpKeyring.parse(alice.armoredPublic(), "alice.pub")).wrap(dataKey, alice.fingerprint());

            assertThat(source(PgpKeyring.parse(alice.armoredSecret(), "alice")).unwrap(entry))
                    .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
        }

        @Test
        void writesPkeskV3ToTheSubkeyAndSeipdV1WithAes128() throws Exception {
            PgpKeyring keyring = PgpKeyring.parse(alice.armoredSecret(), "alice");
            String enc = source(keyring)
                    .wrap(randomBytes(32), alice.fingerprint())
                    .field("enc")
                    .orElseThrow();

            PGPPublicKeyEncryptedData data = onlyRecipient(enc);

            assertThat(data.getVersion()).isEqualTo(3);
            assertThat(data.getKeyIdentifier().getKeyId())
                    .isNotEqualTo(new java.math.BigInteger(alice.fingerprint().substring(24), 16).longValue());
            assertThat(data.isIntegrityProtected()).isTrue();
            assertThat(data.getSymmetricAlgorithm(decryptor(keyring))).isEqualTo(SymmetricKeyAlgorithmTags.AES_128);
        }

        private PGPPublicKeyEncryptedData onlyRecipient(String enc) throws IOException {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(enc.getBytes(StandardCharsets.US_ASCII))));
            PGPEncryptedDataList list = (PGPEncryptedDataList) factory.nextObject();
            assertThat(list.size()).isEqualTo(1);
            return (PGPPublicKeyEncryptedData) list.get(0);
        }

        private org.bouncycastle.openpgp.operator.PublicKeyDataDecryptorFactory decryptor(PgpKeyring keyring)
                throws Exception {
            org.bouncycastle.openpgp.PGPSecretKeyRing ring = (org.bouncycastle.openpgp.PGPSecretKeyRing)
                    new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(
                                    alice.armoredSecret().getBytes(StandardCharsets.US_ASCII))))
                            .nextObject();
            List<org.bouncycastle.openpgp.PGPSecretKey> keys = new ArrayList<>();
            ring.getSecretKeys().forEachRemaining(keys::add);
            org.bouncycastle.openpgp.PGPSecretKey subkey = keys.get(1);
            return new org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory(
                    new org.bouncycastle.openpgp.PGPKeyPair(subkey.getPublicKey(), subkey.extractPrivateKey(null)));
        }

        @Test
        void normalisesTheFingerprintToUppercaseWithoutSpaces() {
            String spaced =
                    alice.fingerprint().toLowerCase(java.util.Locale.ROOT).replaceAll("(.{4})", "$1 ");
            KeyEntry entry =
                    source(PgpKeyring.parse(alice.armoredPublic(), "alice")).wrap(randomBytes(32), spaced);

            assertThat(entry.field("fp")).contains(alice.fingerprint());
        }

        @Test
        void wrapsToTheVectorKeyFromItsArmoredFile() {
            byte[] dataKey = randomBytes(32);
            KeySource source = vectorSource(SOPS_KEY);

            KeyEntry entry = source.wrap(dataKey, SOPS_FP);

            assertThat(source.unwrap(entry))
                    .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
        }

        @Test
        void rejectsAFingerprintNotInTheKeyring() {
            assertThatThrownBy(() -> source(PgpKeyring.empty()).wrap(randomBytes(32), SOPS_FP))
                    .isInstanceOf(UnknownRecipientException.class)
                    .hasMessageContaining(SOPS_FP);
        }

        @Test
        void rejectsAMalformedFingerprintNamingTheRule() {
            assertThatThrownBy(() -> source(PgpKeyring.empty()).wrap(randomBytes(32), "0xDEADBEEF"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("0xDEADBEEF")
                    .hasMessageContaining("40");
        }
    }

    @Nested
    class Failures {
        @Test
        void refusesAPassphraseProtectedSecretKeyNamingIt() {
            KeyEntry entry = source(PgpKeyring.parse(protectedKey.armoredPublic(), "bob.pub"))
                    .wrap(randomBytes(32), protectedKey.fingerprint());

            assertThatThrownBy(() -> source(PgpKeyring.parse(protectedKey.armoredSecret(), "bob"))
                            .unwrap(entry))
                    .isInstanceOf(ProtectedKeyException.class)
                    .hasMessageContaining(protectedKey.fingerprint())
                    .hasMessageContaining("passphrase");
        }

        @Test
        void reportsATamperedMessage() {
            PgpKeyring keyring = PgpKeyring.parse(alice.armoredSecret(), "alice");
            KeyEntry entry = source(keyring).wrap(randomBytes(32), alice.fingerprint());
            String enc = entry.field("enc").orElseThrow();
            int at = enc.indexOf("\n=") - 5;
            String tampered = enc.substring(0, at) + (enc.charAt(at) == 'A' ? 'B' : 'A') + enc.substring(at + 1);

            assertThatThrownBy(() -> source(keyring)
                            .unwrap(new KeyEntry("pgp", Map.of("enc", tampered, "fp", alice.fingerprint()))))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining(alice.fingerprint());
        }

        @Test
        void reportsAnEntryThatIsNotAPgpMessage() {
            assertThatThrownBy(() -> source(PgpKeyring.empty()).unwrap(entry("not a message")))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining("ABCD");
        }

        @Test
        void reportsAnEntryWithoutEnc() {
            assertThatThrownBy(() -> source(PgpKeyring.empty()).unwrap(new KeyEntry("pgp", Map.of("fp", "ABCD"))))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining("'enc'");
        }
    }
}
