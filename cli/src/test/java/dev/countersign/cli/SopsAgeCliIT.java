package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written by {@code countersign sops encrypt} opens its data key with the real {@code age} CLI. */
class SopsAgeCliIT {
    private static final Pattern ENC = Pattern.compile("\"enc\": \"(-----BEGIN AGE ENCRYPTED FILE-----[^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void ageUnwrapsTheDataKeyOfAnEncryptedFile() throws Exception {
        AgeIdentity me = SopsCli.newIdentity();
        Path keys = Files.writeString(dir.resolve("keys.txt"), me.revealSecretKey() + "\n");
        Path file = SopsCli.write(dir.resolve("app.json"), "{\"password\": \"hunter2\"}\n");

        SopsCli.Result result = new SopsCli(dir).run("encrypt", "--age", me.recipient(), file.toString());

        Matcher enc = ENC.matcher(result.out());
        assertThat(enc.find()).as(result.out()).isTrue();
        Path stanza = Files.writeString(dir.resolve("enc.age"), enc.group(1).replace("\\n", "\n"));
        Process age = new ProcessBuilder("age", "--decrypt", "-i", keys.toString(), stanza.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] dataKey = age.getInputStream().readAllBytes();
        assertThat(age.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(age.exitValue()).isZero();
        assertThat(dataKey).hasSize(32);
    }
}
