package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgeKeysTest {
    private static final String SOPS_HISTORY_KEY = "getsops-sops-history/age/keys.txt";
    private static final String SOPS_AGE_KEY = "sops-age/key.txt";
    private static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----\n";
    private static final String END = "-----END AGE ENCRYPTED FILE-----\n";

    private final SecureRandom random = new SecureRandom();

    static Stream<Arguments> ageVectors() {
        return Stream.of(
                Arguments.of("getsops-sops-pr1031/example.yaml", SOPS_HISTORY_KEY),
                Arguments.of("getsops-sops-pr1031/example.json", SOPS_HISTORY_KEY),
                Arguments.of("getsops-sops-pr1031/example.ini", SOPS_HISTORY_KEY),
                Arguments.of("getsops-sops-pr1031/example.txt", SOPS_HISTORY_KEY),
                Arguments.of(
                        "sops-nix/pkgs/sops-install-secrets/test-assets/secrets.yaml",
                        "sops-nix/pkgs/sops-install-secrets/test-assets/age-keys.txt"),
                Arguments.of("sops-age/tests/data/secret.enc.yaml", SOPS_AGE_KEY),
                Arguments.of("sops-age/tests/data/secret.enc.json", SOPS_AGE_KEY),
                Arguments.of("sops-age/tests/data/secret.enc.env", SOPS_AGE_KEY),
                Arguments.of("sops-age/src/data/secret.enc.ini", SOPS_AGE_KEY),
                Arguments.of(
                        "helm-secrets/tests/assets/values/sops/secrets.age.yaml",
                        "helm-secrets/tests/assets/age/key.txt"),
                Arguments.of(
                        "third-party-fixtures/file-sops-perl-nonascii.enc.yaml",
                        "third-party-fixtures/file-sops-perl-nonascii.agekey.txt"),
                Arguments.of(
                        "third-party-fixtures/file-sops-perl-inf.enc.yaml",
                        "third-party-fixtures/file-sops-perl-inf.agekey.txt"),
                Arguments.of("synthetic/worked-example.enc.yaml", SOPS_HISTORY_KEY));
    }

    private static KeySource sourceFor(String keyFile) {
        return AgeKeys.source(AgeIdentities.read(Vectors.file(keyFile)));
    }

    private static KeyEntry entry(String enc) {
        return new KeyEntry("age", Map.of("enc", enc));
    }

    @Nested
    class UnwrappingVectors {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.countersign.sops.AgeKeysTest#ageVectors")
        void recoversTheDataKeyListedInExpected(String vector, String keyFile) {
            KeySource source = sourceFor(keyFile);
            List<byte[]> keys = new ArrayList<>();
            for (String block : Vectors.armoredBlocks(vector, "AGE ENCRYPTED FILE")) {
                source.unwrap(entry(block)).ifPresent(keys::add);
            }

            assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).isEqualTo(Vectors.dataKey(vector)));
        }

        @Test
        void leavesAnEntryForAnotherRecipientAlone() {
            List<String> blocks = Vectors.armoredBlocks("getsops-sops-pr1031/example.yaml", "AGE ENCRYPTED FILE");
            KeySource source = sourceFor(SOPS_HISTORY_KEY);

            assertThat(blocks).hasSize(2);
            assertThat(source.unwrap(entry(blocks.get(0)))).isPresent();
            assertThat(source.unwrap(entry(blocks.get(1)))).isEmpty();
        }

        @Test
        void returnsEmptyWithoutIdentities() {
            String block = Vectors.armoredBlocks("sops-age/tests/data/secret.enc.yaml", "AGE ENCRYPTED FILE")
                    .get(0);

            assertThat(AgeKeys.encryptOnly().unwrap(entry(block))).isEmpty();
        }
    }

    @Nested
    class Wrapping {
        @Test
        void writesOneArmoredFileThatItsIdentityUnwraps() {
            AgeIdentity identity = AgeIdentity.generate(random);
            byte[] dataKey = randomBytes(32);

            KeyEntry entry = AgeKeys.encryptOnly().wrap(dataKey, identity.recipient());

            assertThat(entry.type()).isEqualTo("age");
            assertThat(entry.fields()).containsOnlyKeys("recipient", "enc");
            assertThat(entry.field("recipient")).contains(identity.recipient());
            assertThat(entry.field("enc").orElseThrow()).startsWith(BEGIN).endsWith(END);
            assertThat(AgeKeys.source(List.of(identity)).unwrap(entry))
                    .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
        }

        @Test
        void armorsWithSixtyFourColumnLines() {
            KeyEntry entry = AgeKeys.encryptOnly()
                    .wrap(randomBytes(33), AgeIdentity.generate(random).recipient());

            String[] lines = entry.field("enc").orElseThrow().split("\n");
            for (int i = 1; i < lines.length - 2; i++) {
                assertThat(lines[i]).hasSize(64);
            }
            assertThat(lines[lines.length - 2].length()).isBetween(1, 64);
        }

        @Test
        void wrapsTheSameKeyDifferentlyEachTime() {
            String recipient = AgeIdentity.generate(random).recipient();
            byte[] dataKey = randomBytes(32);

            assertThat(AgeKeys.encryptOnly().wrap(dataKey, recipient))
                    .isNotEqualTo(AgeKeys.encryptOnly().wrap(dataKey, recipient));
        }

        @Test
        void trimsTheRecipient() {
            AgeIdentity identity = AgeIdentity.generate(random);

            KeyEntry entry = AgeKeys.encryptOnly().wrap(randomBytes(32), "  " + identity.recipient() + "\n");

            assertThat(entry.field("recipient")).contains(identity.recipient());
        }

        @Test
        void rejectsARecipientThatIsNotBech32X25519() {
            assertThatThrownBy(() -> AgeKeys.encryptOnly().wrap(randomBytes(32), "age1notakey"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("age1notakey");
        }

        @Test
        void rejectsPostQuantumAndSshRecipientsNamingTheRule() {
            assertThatThrownBy(() -> AgeKeys.encryptOnly().wrap(randomBytes(32), "age1pq1abc"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("only X25519");
            assertThatThrownBy(() -> AgeKeys.encryptOnly().wrap(randomBytes(32), "ssh-ed25519 AAAA"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("only X25519");
        }
    }

    @Nested
    class Laws {
        @Test
        void unwrapInvertsWrapForAnyPayload() {
            qt().withExamples(100)
                    .forAll(integers().between(1, 200), longs().all())
                    .checkAssert((size, seed) -> {
                        AgeIdentity identity = AgeIdentity.generate(random);
                        byte[] payload = new byte[size];
                        new java.util.Random(seed).nextBytes(payload);

                        KeyEntry entry = AgeKeys.encryptOnly().wrap(payload, identity.recipient());

                        assertThat(AgeKeys.source(List.of(identity)).unwrap(entry))
                                .hasValueSatisfying(key -> assertThat(key).isEqualTo(payload));
                    });
        }
    }

    @Nested
    class CorruptEntries {
        @Test
        void reportsATamperedEntryForItsOwnRecipient() {
            AgeIdentity identity = AgeIdentity.generate(random);
            KeyEntry entry = AgeKeys.encryptOnly().wrap(randomBytes(32), identity.recipient());
            KeyEntry tampered =
                    new KeyEntry("age", Map.of("recipient", identity.recipient(), "enc", flipPayloadCharacter(entry)));

            assertThatThrownBy(() -> AgeKeys.source(List.of(identity)).unwrap(tampered))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining(identity.recipient());
        }

        @Test
        void reportsAnEntryWithoutEnc() {
            KeyEntry entry = new KeyEntry("age", Map.of("recipient", "age1xyz"));

            assertThatThrownBy(() -> AgeKeys.encryptOnly().unwrap(entry))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining("'enc'");
        }

        @Test
        void treatsAnotherRecipientsEntryAsNotOurs() {
            AgeIdentity identity = AgeIdentity.generate(random);
            KeyEntry entry = AgeKeys.encryptOnly()
                    .wrap(randomBytes(32), AgeIdentity.generate(random).recipient());

            assertThat(AgeKeys.source(List.of(identity)).unwrap(entry)).isEqualTo(Optional.empty());
        }

        private String flipPayloadCharacter(KeyEntry entry) {
            String enc = entry.field("enc").orElseThrow();
            int at = enc.indexOf(END) - 10;
            char replacement = enc.charAt(at) == 'A' ? 'B' : 'A';
            return enc.substring(0, at) + replacement + enc.substring(at + 1);
        }
    }

    @Test
    void sourceToStringCountsIdentitiesWithoutShowingThem() {
        AgeIdentity identity = AgeIdentity.generate(random);

        assertThat(AgeKeys.source(List.of(identity)).toString())
                .contains("1")
                .doesNotContain(identity.revealSecretKey());
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
