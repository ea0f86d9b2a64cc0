package dev.countersign.cli;

import static dev.countersign.cli.RemoteHttpCliIT.countersign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.RemoteHttpCliIT.Run;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.gitops.testing.SshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code countersign} command over ssh with a passphrase-protected key: a real OpenSSH
 * {@code sshd} on 127.0.0.1, the key and known_hosts from {@code COUNTERSIGN_SSH_KEY} and
 * {@code COUNTERSIGN_SSH_KNOWN_HOSTS}, the passphrase from {@code COUNTERSIGN_SSH_KEY_PASSPHRASE} only.
 */
class RemoteSshCliIT {
    private static final String PASSPHRASE = "cli ssh passphrase s3cret";

    @TempDir
    Path folder;

    private SshServer server;
    private String url;
    private Map<String, String> identity;

    @BeforeEach
    void startServer() throws Exception {
        Path served = Files.createDirectories(folder.resolve("served"));
        Path bare = served.resolve("gitops.git");
        Processes.Result created =
                Processes.run(served, "git", "init", "--quiet", "--bare", "--initial-branch=main", bare.toString());
        assertThat(created.code()).as(created.err()).isZero();
        server = SshServer.start(folder.resolve("sshd"));
        Path keys = Files.createDirectories(folder.resolve("keys"));
        Path key = SshServer.keyPair(keys, "encrypted_key", PASSPHRASE);
        server.authorize(key);
        url = server.url(bare);
        identity = Map.of(
                "COUNTERSIGN_SSH_KEY",
                key.toString(),
                "COUNTERSIGN_SSH_KNOWN_HOSTS",
                server.knownHosts(keys.resolve("known_hosts")).toString());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Run init(String repo, Map<String, String> environment) throws Exception {
        return countersign(
                environment,
                "init",
                "--repo",
                folder.resolve(repo).toString(),
                "--remote",
                url,
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString());
    }

    private Map<String, String> withPassphrase(String passphrase) {
        Map<String, String> environment = new java.util.HashMap<>(identity);
        environment.put("COUNTERSIGN_SSH_KEY_PASSPHRASE", passphrase);
        return environment;
    }

    @Test
    void anEncryptedKeyWorksWithItsPassphraseFromTheEnvironmentOnly() throws Exception {
        GitOpsFiles.initialized(folder);
        String wrong = "wrong cli passphrase";

        Run created = init("first", withPassphrase(PASSPHRASE));
        Run refused = init("second", withPassphrase(wrong));
        Run missing = init("third", identity);

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot decrypt the SSH private key").contains("passphrase given is wrong");
        assertThat(refused.out() + refused.err()).doesNotContain(wrong).doesNotContain(PASSPHRASE);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no passphrase was given").contains("COUNTERSIGN_SSH_KEY_PASSPHRASE");
        assertThat(created.out() + created.err()).doesNotContain(PASSPHRASE);
    }
}
