package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SopsEncryptCommandTest {
    static final String YAML = "db:\n    user: admin\n    password: hunter2\n";

    @TempDir
    Path dir;

    final AgeIdentity me = SopsCli.newIdentity();

    SopsCli cli() {
        return new SopsCli(dir.resolve("home")).withKey(me);
    }

    @Nested
    class WithRecipientOptions {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "app.yaml|db:\\n    password: hunter2\\n",
                    "app.yml|list:\\n    - hunter2\\n",
                    "app.json|{\\n\\t\"password\": \"hunter2\"\\n}\\n",
                    "app.env|PASSWORD=hunter2\\n",
                    "app.ini|[db]\\npassword = hunter2\\n",
                    "app.bin|hunter2 \\0 raw bytes"
                })
        void encryptsEveryStoreSoThatDecryptGivesItBack(String name, String escaped) throws Exception {
            String plain = escaped.translateEscapes();
            Path file = SopsCli.write(dir.resolve(name), plain);

            SopsCli.Result encrypted = cli().run("encrypt", "--age", me.recipient(), file.toString());

            assertThat(encrypted.code()).as(encrypted.err()).isZero();
            assertThat(encrypted.out()).contains(me.recipient()).doesNotContain("hunter2");
            Path sealed = Files.write(dir.resolve("sealed-" + name), encrypted.stdout());
            SopsCli.Result decrypted = cli().run("decrypt", sealed.toString());
            assertThat(decrypted.code()).as(decrypted.err()).isZero();
            assertThat(decrypted.stdout()).isEqualTo(plain.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void encryptsForEveryAgeRecipientGiven() throws Exception {
            AgeIdentity other = SopsCli.newIdentity();
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result =
                    cli().run("encrypt", "--age", me.recipient() + "," + other.recipient(), file.toString());

            assertThat(result.out()).contains(me.recipient(), other.recipient());
            Path sealed = Files.write(dir.resolve("sealed.yaml"), result.stdout());
            assertThat(new SopsCli(dir)
                            .withKey(other)
                            .run("decrypt", sealed.toString())
                            .out())
                    .isEqualTo(YAML);
        }

        @Test
        void encryptsOnlyValuesUnderKeysMatchingTheEncryptedRegex() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result =
                    cli().run("encrypt", "--age", me.recipient(), "--encrypted-regex", "^password$", file.toString());

            assertThat(result.out())
                    .contains("user: admin", "encrypted_regex: ^password$")
                    .doesNotContain("hunter2");
        }

        @Test
        void leavesValuesUnderKeysWithTheUnencryptedSuffixPlain() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), "user_plain: admin\npassword: hunter2\n");

            SopsCli.Result result =
                    cli().run("encrypt", "--age", me.recipient(), "--unencrypted-suffix", "_plain", file.toString());

            assertThat(result.out()).contains("user_plain: admin").doesNotContain("hunter2");
        }

        @Test
        void convertsBetweenTypesGivenExplicitly() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.txt"), YAML);

            SopsCli.Result result = cli().run(
                            "encrypt",
                            "--age",
                            me.recipient(),
                            "--input-type",
                            "yaml",
                            "--output-type",
                            "json",
                            file.toString());

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("{").contains("\"sops\"", "\"user\"");
        }

        @Test
        void failsClearlyForAPgpFingerprintMissingFromTheKeyring() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result =
                    cli().run("encrypt", "--pgp", "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4", file.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err())
                    .contains("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4")
                    .doesNotContain("hunter2");
            assertThat(result.stdout()).isEmpty();
        }
    }

    @Nested
    class WithASopsConfig {
        @Test
        void takesRecipientsFromTheNearestSopsYamlAbove() throws Exception {
            SopsCli.config(dir, "secrets/.*\\.yaml$", me);
            Path file = SopsCli.write(dir.resolve("secrets/deep/app.yaml"), YAML);

            SopsCli.Result result = cli().run("encrypt", file.toString());

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains(me.recipient()).doesNotContain("hunter2");
        }

        @Test
        void failsWhenNoRuleMatchesAndNoRecipientIsGiven() throws Exception {
            SopsCli.config(dir, "secrets/.*\\.yaml$", me);
            Path file = SopsCli.write(dir.resolve("public/app.yaml"), YAML);

            SopsCli.Result result = cli().run("encrypt", file.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).startsWith("no recipients for " + file + ": give --age or --pgp");
        }
    }

    @Nested
    class InPlace {
        @Test
        void replacesTheFileAndLeavesNoTemporaryFile() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result = cli().run("encrypt", "--in-place", "--age", me.recipient(), file.toString());

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.stdout()).isEmpty();
            assertThat(Files.readString(file)).contains("sops:", me.recipient()).doesNotContain("hunter2");
            assertThat(SopsCli.names(dir)).containsExactly("app.yaml");
        }

        @Test
        void leavesTheOriginalUntouchedWhenEncryptionFails() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);
            cli().run("encrypt", "-i", "--age", me.recipient(), file.toString());
            byte[] before = Files.readAllBytes(file);

            SopsCli.Result again = cli().run("encrypt", "-i", "--age", me.recipient(), file.toString());

            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).isNotBlank();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(SopsCli.names(dir)).containsExactly("app.yaml");
        }
    }

    @Nested
    class UsageErrors {
        @Test
        void rejectsTwoSelectionRules() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result = cli().run(
                            "encrypt",
                            "--age",
                            me.recipient(),
                            "--encrypted-regex",
                            "a",
                            "--unencrypted-suffix",
                            "_u",
                            file.toString());

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).startsWith("--encrypted-regex and --unencrypted-suffix cannot be combined");
        }

        @Test
        void rejectsAnInvalidRegex() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result =
                    cli().run("encrypt", "--age", me.recipient(), "--encrypted-regex", "(", file.toString());

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).startsWith("invalid encrypted_regex '(': not a regular expression");
        }

        @Test
        void rejectsAnUnknownType() throws Exception {
            Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

            SopsCli.Result result = cli().run("encrypt", "--input-type", "toml", file.toString());

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).contains("unknown file format 'toml'");
        }

        @Test
        void rejectsAMissingFileArgument() {
            SopsCli.Result result = cli().run("encrypt", "--age", me.recipient());

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).startsWith("Missing required parameter: 'FILE'");
        }
    }

    @Test
    void failsWithOneSentenceForAMissingFile() {
        SopsCli.Result result = cli().run(
                        "encrypt",
                        "--age",
                        me.recipient(),
                        dir.resolve("nope.yaml").toString());

        assertThat(result.code()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).isEqualTo("cannot read " + dir.resolve("nope.yaml") + ": no such file\n");
    }
}
