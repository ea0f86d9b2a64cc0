package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SopsDecryptCommandTest {
    static final String YAML = "db:\n    user_unencrypted: admin\n    password: hunter2\n    port: 5432\n";

    @TempDir
    Path dir;

    final AgeIdentity me = SopsCli.newIdentity();
    Path sealed;

    @BeforeEach
    void encrypt() throws Exception {
        Path plain = SopsCli.write(dir.resolve("plain/app.yaml"), YAML);
        SopsCli.Result result = new SopsCli(dir).run("encrypt", "--age", me.recipient(), plain.toString());
        sealed = Files.write(dir.resolve("app.yaml"), result.stdout());
    }

    SopsCli cli() {
        return new SopsCli(dir.resolve("home")).withKey(me);
    }

    @Nested
    class FindsTheAgeKey {
        @Test
        void inSopsAgeKey() {
            assertThat(cli().run("decrypt", sealed.toString()).out()).isEqualTo(YAML);
        }

        @Test
        void inTheFileNamedBySopsAgeKeyFile() throws Exception {
            Path keys = SopsCli.write(dir.resolve("keys.txt"), me.revealSecretKey() + "\n");

            SopsCli.Result result = new SopsCli(dir.resolve("home"))
                    .set("SOPS_AGE_KEY_FILE", keys.toString())
                    .run("decrypt", sealed.toString());

            assertThat(result.out()).isEqualTo(YAML);
        }

        @Test
        void inTheDefaultKeysFileUnderXdgConfigHome() throws Exception {
            Path config = dir.resolve("config");
            SopsCli.write(config.resolve("sops/age/keys.txt"), me.revealSecretKey() + "\n");

            SopsCli.Result result = new SopsCli(dir.resolve("home"))
                    .set("XDG_CONFIG_HOME", config.toString())
                    .run("decrypt", sealed.toString());

            assertThat(result.out()).isEqualTo(YAML);
        }

        @Test
        void inTheDefaultKeysFileUnderTheHomeDirectory() throws Exception {
            Path home = dir.resolve("home");
            SopsCli.write(home.resolve(".config/sops/age/keys.txt"), me.revealSecretKey() + "\n");

            assertThat(new SopsCli(home).run("decrypt", sealed.toString()).out())
                    .isEqualTo(YAML);
        }
    }

    @Nested
    class Extract {
        @Test
        void printsAStringValueAlone() {
            SopsCli.Result result = cli().run("decrypt", "--extract", "[\"db\"][\"password\"]", sealed.toString());

            assertThat(result.code()).isZero();
            assertThat(result.out()).isEqualTo("hunter2");
        }

        @Test
        void printsASubtreeAsADocument() {
            SopsCli.Result result = cli().run("decrypt", "--extract", "[\"db\"]", sealed.toString());

            assertThat(result.out()).isEqualTo("user_unencrypted: admin\npassword: hunter2\nport: 5432\n");
        }

        @Test
        void failsForAPathWithoutValue() {
            SopsCli.Result result = cli().run("decrypt", "--extract", "[\"nope\"]", sealed.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("no value at [\"nope\"]\n");
        }

        @Test
        void rejectsAPathNotInSopsNotation() {
            SopsCli.Result result = cli().run("decrypt", "--extract", "db.password", sealed.toString());

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).startsWith("invalid value path 'db.password'");
        }
    }

    @Nested
    class Types {
        @Test
        void writesAnotherOutputType() {
            SopsCli.Result result = cli().run("decrypt", "--output-type", "json", sealed.toString());

            assertThat(result.out()).startsWith("{").contains("\"password\": \"hunter2\"");
        }

        @Test
        void readsAnExplicitInputType() throws Exception {
            Path renamed = Files.copy(sealed, dir.resolve("app.secret"));

            SopsCli.Result result = cli().run("decrypt", "--input-type", "yaml", renamed.toString());

            assertThat(result.out()).isEqualTo(YAML);
        }

        @Test
        void givesBinaryFilesBackByteForByte() throws Exception {
            byte[] bytes = new byte[256];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) i;
            }
            Path plain = Files.write(dir.resolve("plain/blob.bin"), bytes);
            SopsCli.Result encrypted = cli().run("encrypt", "--age", me.recipient(), plain.toString());
            Path blob = Files.write(dir.resolve("blob.bin"), encrypted.stdout());

            assertThat(cli().run("decrypt", blob.toString()).stdout()).isEqualTo(bytes);
        }
    }

    @Nested
    class Failures {
        @Test
        void wrongKeyExitsOneWithoutPlaintextOrKeyMaterial() {
            AgeIdentity stranger = SopsCli.newIdentity();

            SopsCli.Result result =
                    new SopsCli(dir.resolve("home")).withKey(stranger).run("decrypt", sealed.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.err())
                    .isNotBlank()
                    .doesNotContain("hunter2", stranger.revealSecretKey(), "AGE-SECRET-KEY")
                    .hasLineCount(1);
        }

        @Test
        void detectsAChangedPlaintextValueByItsMacAndIgnoresItOnRequest() throws Exception {
            Files.writeString(sealed, Files.readString(sealed).replace("admin", "root"));

            SopsCli.Result verified = cli().run("decrypt", sealed.toString());
            SopsCli.Result ignored = cli().run("decrypt", "--ignore-mac", sealed.toString());

            assertThat(verified.code()).isEqualTo(1);
            assertThat(verified.err()).containsIgnoringCase("mac").doesNotContain("hunter2");
            assertThat(ignored.code()).isZero();
            assertThat(ignored.out()).contains("user_unencrypted: root", "password: hunter2");
        }

        @Test
        void rejectsIgnoreMacWithExtract() {
            SopsCli.Result result = cli().run("decrypt", "--ignore-mac", "--extract", "[\"db\"]", sealed.toString());

            assertThat(result.code()).isEqualTo(2);
            assertThat(result.err()).startsWith("--ignore-mac cannot be combined with --extract");
        }

        @Test
        void failsForAPlaintextFile() throws Exception {
            SopsCli.Result result =
                    cli().run("decrypt", dir.resolve("plain/app.yaml").toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).isNotBlank().doesNotContain("hunter2");
        }
    }
}
