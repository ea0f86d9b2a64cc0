package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** A secrets file never has a key or value quoted in an error message (issue 23). */
class HostileInputTest {
    private static final String SECRET = "HUNTER2-" + "s3cr3t".repeat(4);
    private static final AgeIdentity ALICE = AgeIdentity.generate(new SecureRandom());

    private static Sops sops() {
        return Sops.builder().keySource(AgeKeys.source(List.of(ALICE))).build();
    }

    private static byte[] encrypt(String plain, FileFormat format) {
        return sops().encrypt(
                        plain.getBytes(UTF_8),
                        format,
                        EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(ALICE.recipient())))));
    }

    private static void assertRefusedWithoutTheSecret(Runnable read) {
        assertThatThrownBy(read::run)
                .isInstanceOf(SopsException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("HUNTER2")
                        .doesNotContain("s3cr3t")
                        .hasSizeLessThan(300));
    }

    @Test
    void neverEchoesASecretsFileKey() {
        assertRefusedWithoutTheSecret(() -> encrypt("\"" + SECRET + "\": x\n\"" + SECRET + "\": y\n", FileFormat.YAML));
        assertRefusedWithoutTheSecret(() -> encrypt("db:\n  " + SECRET.length() + ": x\n", FileFormat.YAML));
        assertRefusedWithoutTheSecret(() -> encrypt("{\"" + SECRET + "\": x}", FileFormat.JSON));
        assertRefusedWithoutTheSecret(() -> encrypt(SECRET + "\n", FileFormat.DOTENV));
        assertRefusedWithoutTheSecret(() -> encrypt("[db]\n" + SECRET + "\n", FileFormat.INI));
    }

    @Test
    void neverEchoesAPlainValueOrItsKeyInAnEncryptedFile() {
        String file = new String(encrypt("db:\n  user: admin\n  port: 5432\n", FileFormat.YAML), UTF_8);
        String tampered = file.replaceFirst("  port: ENC\\[[^\\]]*\\]", "  \"" + SECRET + "\": 5432");

        assertThat(tampered).contains(SECRET);
        assertRefusedWithoutTheSecret(() -> sops().decrypt(tampered.getBytes(UTF_8), FileFormat.YAML));
    }

    @Test
    void refusesAFileOverTheSizeLimitInEveryStoreBeforeParsing() {
        byte[] huge = (SECRET + "\n").repeat(8 * 1024 * 1024 / SECRET.length()).getBytes(UTF_8);

        assertThat(huge.length).isGreaterThan(8 * 1024 * 1024);
        for (FileFormat format : FileFormat.values()) {
            assertRefusedWithoutTheSecret(() -> sops().decrypt(huge, format));
            assertThatThrownBy(() -> sops().decrypt(huge, format))
                    .as(format.name())
                    .isInstanceOf(FileLimitException.class)
                    .hasMessageContaining("8388608");
        }
        assertThatThrownBy(() -> CreationRules.parse(java.nio.file.Path.of("/repo"), huge))
                .isInstanceOf(FileLimitException.class);
    }

    @Test
    void readsAFileOfExactlyTheSizeLimit() {
        byte[] atLimit = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(atLimit, (byte) 'a');

        assertThatThrownBy(() -> sops().decrypt(atLimit, FileFormat.BINARY))
                .isInstanceOf(SopsException.class)
                .isNotInstanceOf(FileLimitException.class);
    }

    @Test
    void refusesAnInvalidRegexInAFilesMetadataWithATypedErrorQuotingAPrefix() {
        // found by fuzzing (SopsDecryptFuzzTest#json): EncryptionRule's IllegalArgumentException escaped decrypt
        String file = new String(encrypt("db: x\n", FileFormat.YAML), UTF_8);
        String rule = "unencrypted_comment_regex: \"[" + "x".repeat(10_000) + "TAIL\"";
        String tampered = file.contains("unencrypted_suffix:")
                ? file.replaceFirst("unencrypted_suffix: [^\n]*", rule)
                : file.replaceFirst("\nsops:\n", "\nsops:\n    " + rule + "\n");

        assertThat(tampered).contains("TAIL");
        assertThatThrownBy(() -> sops().decrypt(tampered.getBytes(UTF_8), FileFormat.YAML))
                .isInstanceOf(MalformedFileException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("not a regular expression")
                        .hasSizeLessThan(300)
                        .doesNotContain("TAIL"));
    }

    @Test
    void refusesATruncatedAgeArmorWithATypedError() {
        // found by fuzzing (SopsDecryptFuzzTest#dotenv): jagged's armor reader threw a BufferUnderflowException
        String file = new String(encrypt("user=admin\n", FileFormat.DOTENV), UTF_8);
        String armor = "-----BEGIN AGE ENCRYPTED FILE-----\\n"
                + "YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBDUlZpeU9aN29iZ3NhV3ZE\\n"
                + "TVJpcW1PWCtXS0hSUFdVNGpkYUxHWk10dTFNCnBRWXRtdAIPNpvw==,type:str]";
        String tampered = file.replaceFirst(
                "sops_age__list_0__map_enc=[^\n]*", Matcher.quoteReplacement("sops_age__list_0__map_enc=" + armor));

        assertThat(tampered).contains("type:str]");
        assertThatThrownBy(() -> sops().decrypt(tampered.getBytes(UTF_8), FileFormat.DOTENV))
                .isInstanceOf(SopsException.class);
    }

    @Test
    void refusesAFlattenedListIndexBeyondTheIntRangeWithATypedError() {
        // found by fuzzing (SopsDecryptFuzzTest#dotenv): Integer.valueOf's NumberFormatException escaped
        String file = new String(encrypt("user=admin\n", FileFormat.DOTENV), UTF_8);
        String tampered = file + "sops_age__list_" + "1".repeat(80) + "__map_recipient=x\n";

        assertThatThrownBy(() -> sops().decrypt(tampered.getBytes(UTF_8), FileFormat.DOTENV))
                .isInstanceOf(MalformedFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1".repeat(20)));
    }

    @Test
    void refusesAMasterKeyListWithABlankNameWithATypedError() {
        // found by fuzzing (SopsDecryptFuzzTest#dotenv, #binary): KeyEntry's IllegalArgumentException escaped
        String file = new String(encrypt("user=admin\n", FileFormat.DOTENV), UTF_8);
        String tampered = file + "sops___list_0__map_recipient=x\n";
        Sops stranger = Sops.builder()
                .keySource(AgeKeys.source(List.of(AgeIdentity.generate(new SecureRandom()))))
                .build();

        // a host holding none of the keys names the recipients in its error: that is where it escaped
        assertThatThrownBy(() -> stranger.decrypt(tampered.getBytes(UTF_8), FileFormat.DOTENV))
                .isInstanceOf(MalformedFileException.class);
    }

    @Test
    void refusesACommentWhereAYamlValueIsExpectedWithATypedError() {
        // found by fuzzing (SopsConfigFuzzTest#creationRules): snakeyaml-engine's composer threw a ClassCastException
        byte[] yaml = "[#-- :\n\n ".getBytes(UTF_8);

        assertThatThrownBy(() -> CreationRules.parse(java.nio.file.Path.of("/repo"), yaml))
                .isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(() -> sops().decrypt(yaml, FileFormat.YAML)).isInstanceOf(MalformedFileException.class);
    }

    @Test
    void refusesAnInvalidRegexInASopsConfigWithATypedErrorQuotingAPrefix() {
        String regex = "[" + "x".repeat(10_000) + "TAIL";
        for (String key : List.of("path_regex", "encrypted_regex", "unencrypted_regex")) {
            byte[] config = ("creation_rules:\n  - " + key + ": \"" + regex + "\"\n    age: age1x\n").getBytes(UTF_8);

            assertThatThrownBy(() -> CreationRules.parse(java.nio.file.Path.of("/repo"), config))
                    .as(key)
                    .isInstanceOf(MalformedFileException.class)
                    .satisfies(
                            e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("TAIL"));
        }
    }
}
