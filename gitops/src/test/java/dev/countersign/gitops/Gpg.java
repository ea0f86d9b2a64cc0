package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real {@code gpg} with a temporary home, generating keys for tests and exporting them armored. */
final class Gpg implements AutoCloseable {
    final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    static Gpg in(Path folder) throws IOException {
        return new Gpg(Files.createDirectories(
                folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    /** Generates a signing key and returns its fingerprint. */
    String generate(String userId, String algorithm, String passphrase) throws IOException, InterruptedException {
        run(
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                passphrase,
                "--quick-gen-key",
                userId,
                algorithm,
                "sign",
                "never");
        return run("--with-colons", "--list-keys", userId)
                .lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
    }

    /** Generates a primary key that may only certify, with a subkey that signs; returns the primary's fingerprint. */
    String generateWithSigningSubkey(String userId) throws IOException, InterruptedException {
        run("--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", userId, "rsa2048", "cert", "never");
        String fingerprint = run("--with-colons", "--list-keys", userId)
                .lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
        run(
                "--pinentry-mode",
                "loopback",
                "--passphrase",
                "",
                "--quick-add-key",
                fingerprint,
                "rsa2048",
                "sign",
                "never");
        return fingerprint;
    }

    byte[] secretKey(String fingerprint, String passphrase) throws IOException, InterruptedException {
        return run(
                        "--pinentry-mode",
                        "loopback",
                        "--passphrase",
                        passphrase,
                        "--armor",
                        "--export-secret-keys",
                        fingerprint)
                .getBytes(StandardCharsets.US_ASCII);
    }

    byte[] publicKey(String fingerprint) throws IOException, InterruptedException {
        return run("--armor", "--export", fingerprint).getBytes(StandardCharsets.US_ASCII);
    }

    String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString()));
        command.addAll(List.of(args));
        Result result = exec(command, Map.of());
        assertThat(result.code())
                .as(String.join(" ", command) + "\n" + result.out())
                .isZero();
        return result.out();
    }

    /** Runs {@code gpg} with this home, returning its exit code and output whatever they are. */
    Result status(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString()));
        command.addAll(List.of(args));
        return exec(command, Map.of());
    }

    /** Runs {@code git} on a repository with this home as {@code GNUPGHOME}. */
    Result git(Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        return exec(command, Map.of("GNUPGHOME", home.toString()));
    }

    private static Result exec(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        exec(List.of("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent"), Map.of());
    }

    /** The exit code and the combined output of a command. */
    record Result(int code, String out) {}
}
