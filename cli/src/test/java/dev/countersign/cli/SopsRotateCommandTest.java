package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SopsRotateCommandTest {
    static final String YAML = "password: hunter2\n";

    @TempDir
    Path dir;

    final AgeIdentity me = SopsCli.newIdentity();
    Path sealed;

    @BeforeEach
    void encrypt() throws Exception {
        sealed = SopsCli.write(dir.resolve("app.yaml"), YAML);
        assertThat(cli().run("encrypt", "-i", "--age", me.recipient(), sealed.toString())
                        .code())
                .isZero();
    }

    SopsCli cli() {
        return new SopsCli(dir.resolve("home")).withKey(me);
    }

    static String ciphertext(String file) {
        return file.lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow();
    }

    @Test
    void printsTheFileUnderANewDataKey() throws Exception {
        String before = Files.readString(sealed);

        SopsCli.Result result = cli().run("rotate", sealed.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(ciphertext(result.out())).isNotEqualTo(ciphertext(before));
        assertThat(Files.readString(sealed)).isEqualTo(before);
        Path rotated = Files.write(dir.resolve("rotated.yaml"), result.stdout());
        assertThat(cli().run("decrypt", rotated.toString()).out()).isEqualTo(YAML);
    }

    @Test
    void replacesTheFileInPlace() throws Exception {
        String before = Files.readString(sealed);

        SopsCli.Result result = cli().run("rotate", "--in-place", sealed.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(ciphertext(Files.readString(sealed))).isNotEqualTo(ciphertext(before));
        assertThat(cli().run("decrypt", sealed.toString()).out()).isEqualTo(YAML);
        assertThat(SopsCli.names(dir)).containsExactly("app.yaml");
    }

    @Test
    void leavesTheFileUntouchedWithoutTheKey() throws Exception {
        byte[] before = Files.readAllBytes(sealed);

        SopsCli.Result result = new SopsCli(dir.resolve("home")).run("rotate", "-i", sealed.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isNotBlank().doesNotContain("hunter2");
        assertThat(Files.readAllBytes(sealed)).isEqualTo(before);
        assertThat(SopsCli.names(dir)).containsExactly("app.yaml");
    }
}
