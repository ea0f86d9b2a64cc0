package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SopsUpdateKeysCommandTest {
    static final String YAML = "password: hunter2\n";

    @TempDir
    Path dir;

    final AgeIdentity me = SopsCli.newIdentity();
    final AgeIdentity newcomer = SopsCli.newIdentity();
    Path sealed;

    @BeforeEach
    void encrypt() throws Exception {
        sealed = SopsCli.write(dir.resolve("secrets/app.yaml"), YAML);
        assertThat(cli(me).run("encrypt", "-i", "--age", me.recipient(), sealed.toString())
                        .code())
                .isZero();
    }

    SopsCli cli(AgeIdentity identity) {
        return new SopsCli(dir.resolve("home")).withKey(identity);
    }

    @Nested
    class WithAMatchingRule {
        @BeforeEach
        void configure() throws Exception {
            SopsCli.config(dir, "secrets/", me, newcomer);
        }

        @Test
        void addsTheRecipientsOfTheRuleWithYes() {
            SopsCli.Result result = cli(me).run("updatekeys", "--yes", sealed.toString());

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.err()).contains("synced with new keys");
            assertThat(cli(newcomer).run("decrypt", sealed.toString()).out()).isEqualTo(YAML);
        }

        @Test
        void appliesTheChangeWhenConfirmed() throws Exception {
            SopsCli.Result result = cli(me).answering("y\n").run("updatekeys", sealed.toString());

            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.err()).contains("age:" + newcomer.recipient(), "Is this okay? (y/n)");
            assertThat(Files.readString(sealed)).contains(newcomer.recipient());
        }

        @Test
        void leavesTheFileWhenNotConfirmed() throws Exception {
            byte[] before = Files.readAllBytes(sealed);

            SopsCli.Result result = cli(me).answering("n\n").run("updatekeys", sealed.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("not applied");
            assertThat(Files.readAllBytes(sealed)).isEqualTo(before);
        }

        @Test
        void leavesTheFileWithoutAKeyToOpenIt() throws Exception {
            byte[] before = Files.readAllBytes(sealed);

            SopsCli.Result result = cli(newcomer).run("updatekeys", "-y", sealed.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(Files.readAllBytes(sealed)).isEqualTo(before);
            assertThat(SopsCli.names(sealed.getParent())).containsExactly("app.yaml");
        }
    }

    @Test
    void removingARecipientRotatesTheDataKey() throws Exception {
        SopsCli.config(dir, "secrets/", newcomer);
        String before = Files.readString(sealed);

        SopsCli.Result result = cli(me).run("updatekeys", "-y", sealed.toString());

        assertThat(result.code()).as(result.err()).isZero();
        String after = Files.readString(sealed);
        assertThat(after).contains(newcomer.recipient()).doesNotContain(me.recipient());
        assertThat(after.lines().findFirst()).isNotEqualTo(before.lines().findFirst());
        assertThat(cli(me).run("decrypt", sealed.toString()).code()).isEqualTo(1);
        assertThat(cli(newcomer).run("decrypt", sealed.toString()).out()).isEqualTo(YAML);
    }

    @Test
    void failsWithoutAMatchingRule() {
        SopsCli.Result result = cli(me).run("updatekeys", "-y", sealed.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("no .sops.yaml creation rule matches " + sealed);
    }
}
