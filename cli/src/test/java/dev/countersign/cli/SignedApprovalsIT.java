package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.keys.KeyringException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code approve --approver-key} and {@code verify --approver-keys}, with keys the real {@code gpg} makes. */
class SignedApprovalsIT {
    private static final String PASSPHRASE = "alice's own passphrase";

    @TempDir
    Path dir;

    Path gnupg;
    String aliceKey;
    String protectedKey;
    String mallorySecret;
    String approvers;

    @BeforeEach
    void generateKeys() throws Exception {
        gnupg = Files.createDirectory(
                dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        gpg("--passphrase", "", "--quick-gen-key", "Alice <alice@example.com>", "ed25519", "sign", "never");
        gpg("--passphrase", PASSPHRASE, "--quick-gen-key", "Alice2 <alice2@example.com>", "ed25519", "sign", "never");
        gpg("--passphrase", "", "--quick-gen-key", "Mallory <mallory@example.com>", "ed25519", "sign", "never");
        aliceKey = export("alice.key", "", "--export-secret-keys", "alice@example.com");
        protectedKey = export("alice2.key", PASSPHRASE, "--export-secret-keys", "alice2@example.com");
        mallorySecret = export("mallory.key", "", "--export-secret-keys", "mallory@example.com");
        export("alice.asc", "", "--export", "alice@example.com");
        approvers = Files.writeString(dir.resolve("approvers"), "# who  keys\nhuman:alice alice.asc\n")
                .toString();
    }

    @AfterEach
    void stopAgent() throws Exception {
        run(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "gpg-agent"));
    }

    private String export(String file, String passphrase, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("--passphrase", passphrase, "--armor"));
        command.addAll(List.of(args));
        return Files.writeString(dir.resolve(file), gpg(command.toArray(String[]::new)))
                .toString();
    }

    private String gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("gpg", "--batch", "--pinentry-mode", "loopback", "--homedir", gnupg.toString()));
        command.addAll(List.of(args));
        return run(command);
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

    private static Cli approve(GitOpsFiles files, String id, String... options) {
        return Cli.run(Cli.with(new String[] {"approve", "--repo", files.repo(), id, "--as", "human:alice"}, options));
    }

    private Cli verify(GitOpsFiles files) {
        return Cli.run("verify", "--repo", files.repo(), "--approver-keys", approvers);
    }

    @Test
    void verifiesASignedApprovalAndFlagsAnUnsignedOne() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(dir);
        Cli signed = approve(files, files.propose("agent:builder", files.stack()), "--approver-key", aliceKey);

        Cli clean = verify(files);
        approve(files, files.propose("agent:builder", files.stackV2()));
        Cli flagged = verify(files);

        assertThat(signed.code()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("RECORDED");
        assertThat(clean.code()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("2 commits checked, 0 findings");
        assertThat(flagged.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(flagged.out()).contains("1 findings", "unsigned-approval", "human:alice");
    }

    @Test
    void flagsAnApprovalSignedWithSomeoneElsesKey() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(dir);
        approve(files, files.propose("agent:builder", files.stack()), "--approver-key", mallorySecret);

        Cli flagged = verify(files);

        assertThat(flagged.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(flagged.out()).contains("untrusted-approval", "not a key of human:alice");
    }

    @Test
    void readsTheApproverKeysPassphraseFromTheEnvironmentOnly() {
        Path key = Path.of(protectedKey);

        assertThat(ApproveCommand.approverKey(key, Map.of(ApproveCommand.PASSPHRASE, PASSPHRASE))
                        .userId())
                .isEqualTo("Alice2 <alice2@example.com>");
        assertThatThrownBy(() -> ApproveCommand.approverKey(key, Map.of()))
                .isInstanceOf(KeyringException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void refusesALockedKeyWithoutApprovingAndAMalformedMapping() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(dir);
        String id = files.propose("agent:builder", files.stack());

        Cli refused = approve(files, id, "--approver-key", protectedKey);
        Files.writeString(Path.of(approvers), "human:alice\n");
        Cli malformed = verify(files);

        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("wrong passphrase").doesNotContain(PASSPHRASE);
        assertThat(Cli.run("verify", "--repo", files.repo()).out()).contains("1 commits checked");
        assertThat(malformed.code()).isNotZero();
        assertThat(malformed.err()).contains("line 1", "PRINCIPAL KEYRING-FILE");
    }
}
