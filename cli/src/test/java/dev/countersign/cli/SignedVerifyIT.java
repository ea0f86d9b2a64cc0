package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed records and {@code verify --trusted-keys --checkpoint-file}, with a key the real {@code gpg} makes. */
class SignedVerifyIT {
    @TempDir
    Path dir;

    Path gnupg;
    String secretKey;
    String publicKey;

    @BeforeEach
    void generateKey() throws Exception {
        gnupg = Files.createDirectory(
                dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg("--passphrase", "", "--quick-gen-key", "Recorder <recorder@example.com>", "rsa2048", "sign", "never");
        secretKey = Files.writeString(dir.resolve("recorder.asc"), gpg("--armor", "--export-secret-keys"))
                .toString();
        publicKey = Files.writeString(dir.resolve("trusted.asc"), gpg("--armor", "--export"))
                .toString();
    }

    @AfterEach
    void stopAgent() throws Exception {
        run(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "gpg-agent"));
    }

    private String gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--homedir", gnupg.toString()));
        command.addAll(List.of(args));
        String out = run(command);
        return out;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", gnupg.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + out)
                .isZero();
        return out;
    }

    @Test
    void recordsSignedCommitsThatGitAndVerifyAccept() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(dir, "--signing-key", secretKey);
        String id = files.propose("agent:builder", files.stack());
        Cli approved =
                Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice", "--signing-key", secretKey);
        Path checkpoint = dir.resolve("checkpoint");

        Cli verified = Cli.run(
                "verify",
                "--repo",
                files.repo(),
                "--trusted-keys",
                publicKey,
                "--checkpoint-file",
                checkpoint.toString());

        assertThat(approved.code()).as(approved.err()).isZero();
        run(List.of("git", "--git-dir=" + files.repo(), "verify-commit", "main"));
        run(List.of("git", "--git-dir=" + files.repo(), "verify-commit", "main~1"));
        assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("2 commits checked, 0 findings", "now at");
        assertThat(Files.readString(checkpoint).strip())
                .isEqualTo(run(List.of("git", "--git-dir=" + files.repo(), "rev-parse", "main"))
                        .strip());
    }

    @Test
    void failsOnAnUnsignedRecordAndKeepsTheCheckpoint() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(dir, "--signing-key", secretKey);
        Path checkpoint = dir.resolve("checkpoint");
        String[] verify = {
            "verify", "--repo", files.repo(), "--trusted-keys", publicKey, "--checkpoint-file", checkpoint.toString()
        };
        assertThat(Cli.run(verify).code()).isZero();
        String before = Files.readString(checkpoint);
        String id = files.propose("agent:builder", files.stack());
        Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice");

        Cli verified = Cli.run(verify);

        assertThat(verified.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(verified.out()).contains("1 commits checked, 1 findings", "unsigned");
        assertThat(Files.readString(checkpoint)).isEqualTo(before);
    }

    @Test
    void refusesACheckpointTogetherWithACheckpointFile() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(dir);

        Cli verified = Cli.run(
                "verify",
                "--repo",
                files.repo(),
                "--checkpoint",
                "main",
                "--checkpoint-file",
                dir.resolve("f").toString());

        assertThat(verified.code()).isEqualTo(1);
        assertThat(verified.err()).contains("not both");
    }
}
