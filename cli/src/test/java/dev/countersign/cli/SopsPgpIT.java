package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PGP through the command line, with a key the real {@code gpg} generates for the test. */
class SopsPgpIT {
    static final String YAML = "password: hunter2\n";

    @TempDir
    Path dir;

    Path gnupg;
    Path keyring;
    String fingerprint;

    @BeforeEach
    void generateKey() throws Exception {
        gnupg = Files.createDirectory(
                dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg("--passphrase", "", "--quick-gen-key", "Test <test@example.com>", "rsa2048", "cert", "never");
        fingerprint = gpg("--with-colons", "--list-keys")
                .lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
        gpg("--passphrase", "", "--quick-add-key", fingerprint, "rsa2048", "encr", "never");
        keyring = Files.writeString(dir.resolve("secret.asc"), gpg("--armor", "--export-secret-keys"));
    }

    @AfterEach
    void stopAgent() throws Exception {
        run(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "gpg-agent"));
    }

    private String gpg(String... args) throws IOException, InterruptedException {
        return run(Stream.concat(Stream.of("gpg", "--batch", "--homedir", gnupg.toString()), Stream.of(args))
                .toList());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }

    @Test
    void encryptsForAFingerprintInTheKeyringAndDecryptsWithTheKeyringVariable() throws Exception {
        Path file = SopsCli.write(dir.resolve("app.yaml"), YAML);

        SopsCli.Result encrypted = new SopsCli(dir)
                .run("encrypt", "--pgp", fingerprint, "--pgp-keyring", keyring.toString(), "-i", file.toString());
        SopsCli.Result decrypted = new SopsCli(dir)
                .set("COUNTERSIGN_PGP_KEYRING", keyring.toString())
                .run("decrypt", file.toString());

        assertThat(encrypted.code()).as(encrypted.err()).isZero();
        assertThat(Files.readString(file)).contains("fp: " + fingerprint).doesNotContain("hunter2");
        assertThat(decrypted.code()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).isEqualTo(YAML);
    }
}
