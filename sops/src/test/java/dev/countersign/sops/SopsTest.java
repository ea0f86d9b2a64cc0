package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SopsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AgeIdentity ALICE = AgeIdentity.generate(RANDOM);
    private static final AgeIdentity BOB = AgeIdentity.generate(RANDOM);
    private static final String PLAIN = """
            # database
            db:
                user: admin
                password: hunter2
                port: 5432
            tags:
                - one
                - two
            note_unencrypted: visible
            """;

    private static Sops sops(AgeIdentity... identities) {
        return Sops.builder()
                .keySource(AgeKeys.source(List.of(identities)))
                .clock(Clock.fixed(Instant.parse("2026-11-24T01:02:03.456Z"), ZoneOffset.UTC))
                .build();
    }

    private static EncryptOptions forRecipients(AgeIdentity... identities) {
        return EncryptOptions.of(KeyGroups.of(List.of(identities).stream()
                .map(i -> Recipient.age(i.recipient()))
                .toList()));
    }

    private static String encrypted() {
        return new String(sops(ALICE).encrypt(PLAIN.getBytes(UTF_8), FileFormat.YAML, forRecipients(ALICE)), UTF_8);
    }

    private static String decrypt(Sops sops, String file) {
        return new String(sops.decrypt(file.getBytes(UTF_8), FileFormat.YAML), UTF_8);
    }

    private static String enc(String file, String key) {
        Matcher m = Pattern.compile("\\b" + key + ": (ENC\\[[^\\]]*\\])").matcher(file);
        assertThat(m.find()).as("ENC value of " + key).isTrue();
        return m.group(1);
    }

    @Nested
    class Encrypting {
        @Test
        void roundTripsTheDocumentWithItsCommentsAndTypes() {
            assertThat(decrypt(sops(ALICE), encrypted())).isEqualTo(PLAIN);
        }

        @Test
        void encryptsEverythingButUnencryptedSuffixedKeysAndWritesSortedMetadata() {
            String file = encrypted();
            assertThat(file)
                    .doesNotContain("hunter2", "admin", "database")
                    .contains("note_unencrypted: visible", "type:int]", "#ENC[AES256_GCM,")
                    .contains("    lastmodified: \"2026-11-24T01:02:03Z\"\n")
                    .containsSubsequence(
                            "sops:\n    age:\n        - enc: |\n",
                            "recipient: " + ALICE.recipient(),
                            "lastmodified:",
                            "mac: ENC[",
                            "unencrypted_suffix: _unencrypted\n",
                            "version: 3.13.2\n");
        }

        @Test
        void honoursAnEncryptedRegex() {
            EncryptOptions options = forRecipients(ALICE).withRule(EncryptionRule.of("encrypted_regex", "^pass"));
            String file = new String(sops(ALICE).encrypt(PLAIN.getBytes(UTF_8), FileFormat.YAML, options), UTF_8);
            assertThat(file)
                    .contains("user: admin", "port: 5432", "encrypted_regex: ^pass")
                    .doesNotContain("hunter2");
            assertThat(decrypt(sops(ALICE), file)).isEqualTo(PLAIN);
        }

        @Test
        void refusesAFileThatIsAlreadyEncrypted() {
            assertThatThrownBy(() ->
                            sops(ALICE).encrypt(encrypted().getBytes(UTF_8), FileFormat.YAML, forRecipients(ALICE)))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("sops");
        }

        @Test
        void writesBinaryAsJsonWithoutARule() {
            byte[] payload = {0, (byte) 0xff, 10, 65};
            byte[] file = sops(ALICE).encrypt(payload, FileFormat.BINARY, forRecipients(ALICE));
            assertThat(new String(file, UTF_8))
                    .startsWith("{\n\t\"data\": \"ENC[")
                    .doesNotContain("unencrypted_suffix");
            assertThat(sops(ALICE).decrypt(file, FileFormat.BINARY)).isEqualTo(payload);
        }
    }

    @Nested
    class DecryptingRefuses {
        @Test
        void aFileForSomeoneElseNamingTheRecipients() {
            assertThatThrownBy(() -> decrypt(sops(BOB), encrypted()))
                    .isInstanceOf(NoMatchingKeyException.class)
                    .hasMessageContaining(ALICE.recipient())
                    .hasMessageNotContaining("hunter2");
        }

        @Test
        void aChangedCiphertext() {
            String file = encrypted();
            String value = enc(file, "password");
            String changed = value.replaceFirst(
                    "data:(.)", "data:" + (value.charAt(value.indexOf("data:") + 5) == 'A' ? "B" : "A"));
            assertThatThrownBy(() -> decrypt(sops(ALICE), file.replace(value, changed)))
                    .isInstanceOf(TamperedValueException.class)
                    .hasMessageContaining("[key path not quoted: 2 levels, 11 characters]")
                    .hasMessageNotContaining("password");
        }

        @Test
        void valuesSwappedBetweenKeys() {
            String file = encrypted();
            String user = enc(file, "user");
            String password = enc(file, "password");
            String swapped = file.replace(user, "@U").replace(password, user).replace("@U", password);
            assertThatThrownBy(() -> decrypt(sops(ALICE), swapped)).isInstanceOf(TamperedValueException.class);
        }

        @Test
        void listItemsSwappedUnderTheSameKey() {
            String file = encrypted();
            Matcher m = Pattern.compile("    - (ENC\\[[^\\]]*\\])\n    - (ENC\\[[^\\]]*\\])")
                    .matcher(file);
            assertThat(m.find()).isTrue();
            String swapped = file.replace(m.group(), "    - " + m.group(2) + "\n    - " + m.group(1));
            assertThatThrownBy(() -> decrypt(sops(ALICE), swapped))
                    .isInstanceOf(MacMismatchException.class)
                    .hasMessageContaining("MAC mismatch");
        }

        @Test
        void aRemovedValue() {
            String file = encrypted();
            String removed = file.replaceFirst("    port: ENC\\[[^\\]]*\\]\n", "");
            assertThatThrownBy(() -> decrypt(sops(ALICE), removed)).isInstanceOf(MacMismatchException.class);
        }

        @Test
        void anEditedPlaintextValue() {
            String edited = encrypted().replace("note_unencrypted: visible", "note_unencrypted: changed");
            assertThatThrownBy(() -> decrypt(sops(ALICE), edited)).isInstanceOf(MacMismatchException.class);
        }

        @Test
        void anEditedLastModified() {
            String edited = encrypted().replace("2026-11-24T01:02:03Z", "2026-11-24T01:02:04Z");
            assertThatThrownBy(() -> decrypt(sops(ALICE), edited))
                    .isInstanceOf(MacMismatchException.class)
                    .hasMessageContaining("lastmodified");
        }

        @Test
        void aMissingMacUnlessAskedToIgnoreIt() {
            String file = encrypted().replaceFirst("    mac: ENC\\[[^\\]]*\\]\n", "");
            assertThatThrownBy(() -> decrypt(sops(ALICE), file))
                    .isInstanceOf(MacMismatchException.class)
                    .hasMessageContaining("no MAC");
            byte[] plain = sops(ALICE).decryptIgnoringMac(file.getBytes(UTF_8), FileFormat.YAML, FileFormat.YAML);
            assertThat(new String(plain, UTF_8)).isEqualTo(PLAIN);
        }

        @Test
        void aMalformedEncValue() {
            String file = encrypted();
            String broken = file.replace(enc(file, "user"), "ENC[AES256_GCM,data:abc]");
            assertThatThrownBy(() -> decrypt(sops(ALICE), broken))
                    .isInstanceOf(MalformedValueException.class)
                    .hasMessageContaining("[key path not quoted: 2 levels, 7 characters]")
                    .hasMessageNotContaining("user");
        }

        @Test
        void anUnknownValueType() {
            String file = encrypted();
            String user = enc(file, "user");
            assertThatThrownBy(() -> decrypt(sops(ALICE), file.replace(user, user.replace("type:str", "type:blob"))))
                    .isInstanceOf(MalformedValueException.class)
                    .hasMessageContaining("unknown value type of 4 characters")
                    .hasMessageNotContaining("blob");
        }

        @Test
        void aVersionThatIsNotStrictSemver() {
            String file = encrypted().replace("version: 3.13.2", "version: \"3.13\"");
            assertThatThrownBy(() -> decrypt(sops(ALICE), file))
                    .isInstanceOf(UnsupportedVersionException.class)
                    .hasMessageContaining("'3.13'");
        }
    }

    @Nested
    class Editing {
        @Test
        void setKeepsTheDataKeyAndTheCiphertextOfUnchangedValues() {
            String file = encrypted();
            String after = new String(
                    sops(ALICE)
                            .set(
                                    file.getBytes(UTF_8),
                                    FileFormat.YAML,
                                    ValuePath.parse("[\"db\"][\"password\"]"),
                                    "\"s3cret\""),
                    UTF_8);
            assertThat(enc(after, "user")).isEqualTo(enc(file, "user"));
            assertThat(enc(after, "password")).isNotEqualTo(enc(file, "password"));
            assertThat(after.substring(after.indexOf("sops:"), after.indexOf("lastmodified")))
                    .isEqualTo(file.substring(file.indexOf("sops:"), file.indexOf("lastmodified")));
            assertThat(decrypt(sops(ALICE), after)).contains("password: s3cret").doesNotContain("hunter2");
        }

        @Test
        void setAddsMissingKeys() {
            byte[] after = sops(ALICE)
                    .set(encrypted().getBytes(UTF_8), FileFormat.YAML, ValuePath.of("db", "host"), "\"db.local\"");
            assertThat(decrypt(sops(ALICE), new String(after, UTF_8))).contains("    host: db.local\n");
        }

        @Test
        void extractReturnsOneValue() {
            byte[] value = sops(ALICE)
                    .extract(
                            encrypted().getBytes(UTF_8),
                            FileFormat.YAML,
                            ValuePath.parse("[\"db\"][\"password\"]"),
                            FileFormat.YAML);
            assertThat(new String(value, UTF_8)).isEqualTo("hunter2");
        }

        @Test
        void rotateChangesEveryCiphertextAndStillDecrypts() {
            String file = encrypted();
            String rotated = new String(sops(ALICE).rotate(file.getBytes(UTF_8), FileFormat.YAML), UTF_8);
            assertThat(enc(rotated, "user")).isNotEqualTo(enc(file, "user"));
            assertThat(decrypt(sops(ALICE), rotated)).isEqualTo(PLAIN);
        }
    }

    @Nested
    class UpdatingKeys {
        @Test
        void addingARecipientKeepsValuesAndLetsTheNewKeyRead() {
            String file = encrypted();
            String updated = new String(
                    sops(ALICE)
                            .updateKeys(
                                    file.getBytes(UTF_8),
                                    FileFormat.YAML,
                                    forRecipients(ALICE, BOB).keyGroups()),
                    UTF_8);
            assertThat(enc(updated, "password")).isEqualTo(enc(file, "password"));
            assertThat(decrypt(sops(BOB), updated)).isEqualTo(PLAIN);
        }

        @Test
        void removingARecipientRotatesSoTheRemovedKeyCannotRead() {
            String both = new String(
                    sops(ALICE).encrypt(PLAIN.getBytes(UTF_8), FileFormat.YAML, forRecipients(ALICE, BOB)), UTF_8);
            String onlyAlice = new String(
                    sops(ALICE)
                            .updateKeys(
                                    both.getBytes(UTF_8),
                                    FileFormat.YAML,
                                    forRecipients(ALICE).keyGroups()),
                    UTF_8);
            assertThat(enc(onlyAlice, "password")).isNotEqualTo(enc(both, "password"));
            assertThat(onlyAlice).doesNotContain(BOB.recipient());
            assertThatThrownBy(() -> decrypt(sops(BOB), onlyAlice)).isInstanceOf(NoMatchingKeyException.class);
            assertThat(decrypt(sops(ALICE), onlyAlice)).isEqualTo(PLAIN);
        }

        @Test
        void keepingTheDataKeyOnRemovalLeavesValuesAsSopsDoes() {
            String both = new String(
                    sops(ALICE).encrypt(PLAIN.getBytes(UTF_8), FileFormat.YAML, forRecipients(ALICE, BOB)), UTF_8);
            String onlyAlice = new String(
                    sops(ALICE)
                            .updateKeysKeepingDataKey(
                                    both.getBytes(UTF_8),
                                    FileFormat.YAML,
                                    forRecipients(ALICE).keyGroups()),
                    UTF_8);
            assertThat(enc(onlyAlice, "password")).isEqualTo(enc(both, "password"));
            assertThat(onlyAlice).doesNotContain(BOB.recipient());
        }

        @Test
        void shamirKeyGroupsNeedTheThreshold() {
            KeyGroups groups = new KeyGroups(
                    List.of(List.of(Recipient.age(ALICE.recipient())), List.of(Recipient.age(BOB.recipient()))), 2);
            byte[] file = sops(ALICE).encrypt(PLAIN.getBytes(UTF_8), FileFormat.YAML, EncryptOptions.of(groups));
            assertThat(new String(file, UTF_8)).contains("key_groups:", "shamir_threshold: 2");
            assertThat(decrypt(sops(ALICE, BOB), new String(file, UTF_8))).isEqualTo(PLAIN);
            assertThatThrownBy(() -> decrypt(sops(ALICE), new String(file, UTF_8)))
                    .isInstanceOf(NoMatchingKeyException.class)
                    .hasMessageContaining("2 are needed");
        }
    }

    @Nested
    class ForeignKeyTypes {
        private final String withKms = encrypted()
                .replace(
                        "    lastmodified:",
                        "    kms:\n        - arn: arn:aws:kms:us-east-1:1:key/x\n          aws_profile: \"\"\n"
                                + "          created_at: \"2020-01-01T00:00:00Z\"\n          enc: AQICAHh==\n    lastmodified:");

        @Test
        void arePreservedUntouchedWhenAValueIsSet() {
            String after = new String(
                    sops(ALICE).set(withKms.getBytes(UTF_8), FileFormat.YAML, ValuePath.of("db", "user"), "\"root\""),
                    UTF_8);
            assertThat(after)
                    .contains("    kms:\n        - arn: arn:aws:kms:us-east-1:1:key/x\n", "          enc: AQICAHh==\n");
        }

        @Test
        void blockRotationWithAClearMessage() {
            assertThatThrownBy(() -> sops(ALICE).rotate(withKms.getBytes(UTF_8), FileFormat.YAML))
                    .isInstanceOf(SopsException.class)
                    .hasMessageContaining("kms");
        }
    }
}
