package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.testing.GitDaemon;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.gitops.testing.SshServer;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.SshIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode over ssh: two hosts share a bare repository served by a real OpenSSH {@code sshd} on
 * 127.0.0.1, each presenting the private key and {@code known_hosts} the test gave it ({@link SshIdentity}),
 * never anything from {@code ~/.ssh}.
 */
class RemoteSshIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path temp;

    private SshServer server;
    private Path keys;
    private Path bare;
    private Path authorizedKey;

    @BeforeEach
    void startServer() throws Exception {
        Path served = Files.createDirectories(temp.resolve("served"));
        bare = served.resolve(GitDaemon.createRepository(served, "gitops.git"));
        server = SshServer.start(temp.resolve("sshd"));
        keys = Files.createDirectories(temp.resolve("keys"));
        authorizedKey = SshServer.keyPair(keys, "host_key_authorized");
        server.authorize(authorizedKey);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private GitOpsRepository host(String name, SshIdentity identity) {
        return GitOpsRepositoryBuilder.of(temp.resolve(name))
                .clock(CLOCK)
                .random(new SecureRandom())
                .remote(server.url(bare))
                .sshIdentity(identity)
                .open();
    }

    @Test
    void twoHostsProposeApproveAndRecordThroughTheServer() throws Exception {
        SshIdentity identity = SshIdentity.of(authorizedKey, server.knownHosts(keys.resolve("known_hosts")));
        try (GitOpsRepository one = host("one", identity);
                GitOpsRepository two = host("two", identity)) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            Proposal web = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            Proposal data = two.proposer(AGENT).propose("staging", Samples.data(false), "add data", List.of());

            assertThat(two.reviewer(ALICE).approve(web.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.reviewer(ALICE).approve(data.id()).state()).isEqualTo(ProposalState.RECORDED);

            assertThat(two.proposal(data.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.verify(null).findings()).isEmpty();
        }
        assertThat(Processes.run(bare, "git", "rev-list", "--count", "main")
                        .out()
                        .trim())
                .isEqualTo("3");
        assertThat(Processes.run(bare, "git", "fsck", "--strict").code()).isZero();
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsWithATypedError() throws Exception {
        Path stranger = SshServer.keyPair(keys, "stranger");
        SshIdentity identity = SshIdentity.of(stranger, server.knownHosts(keys.resolve("known_hosts")));
        String privateKey = Files.readString(stranger);

        assertThatThrownBy(() -> host("one", identity))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining(server.url(bare))
                .hasMessageContaining("refused the SSH key")
                .hasMessageNotContaining(privateKey.lines().skip(1).findFirst().orElseThrow());
        assertNothingJoined("one");
    }

    @Test
    void anUnknownHostKeyIsRefusedNotTrustedOnFirstUse() throws Exception {
        Path impostor = SshServer.keyPair(keys, "impostor_host_key");
        Path knownHosts = server.knownHosts(keys.resolve("known_hosts"), impostor);
        String listed = Files.readString(knownHosts);
        SshIdentity identity = SshIdentity.of(authorizedKey, knownHosts);

        assertThatThrownBy(() -> host("one", identity))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining("host key")
                .hasMessageContaining(knownHosts.toString());
        assertThat(Files.readString(knownHosts)).isEqualTo(listed);
        assertNothingJoined("one");
    }

    @Test
    void anEmptyKnownHostsRefusesEveryServer() throws Exception {
        Path knownHosts = Files.writeString(keys.resolve("known_hosts"), "");
        SshIdentity identity = SshIdentity.of(authorizedKey, knownHosts);

        assertThatThrownBy(() -> host("one", identity)).isInstanceOf(RemoteAuthenticationException.class);
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Nested
    class WithAnEncryptedKey {
        private static final String PASSPHRASE = "correct horse battery staple";

        private Path encrypted;

        @BeforeEach
        void authorizeAnEncryptedKey() throws Exception {
            encrypted = SshServer.keyPair(keys, "encrypted_key", PASSPHRASE);
            server.authorize(encrypted);
        }

        private SshIdentity identity() throws Exception {
            return SshIdentity.of(encrypted, server.knownHosts(keys.resolve("known_hosts")));
        }

        @Test
        void theRightPassphraseProposesApprovesAndRecords() throws Exception {
            char[] passphrase = PASSPHRASE.toCharArray();
            SshIdentity identity = identity().withPassphrase(passphrase);
            Arrays.fill(passphrase, '\0');

            try (GitOpsRepository one = host("one", identity);
                    GitOpsRepository two = host("two", identity)) {
                one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
                Proposal web = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());

                assertThat(two.reviewer(ALICE).approve(web.id()).state()).isEqualTo(ProposalState.RECORDED);
                assertThat(one.proposal(web.id()).state()).isEqualTo(ProposalState.RECORDED);
            }
            assertThat(Processes.run(bare, "git", "rev-list", "--count", "main")
                            .out()
                            .trim())
                    .isEqualTo("2");
            assertThat(identity.toString()).contains("passphrase=***").doesNotContain(PASSPHRASE);
        }

        @Test
        void aWrongPassphraseFailsWithATypedErrorThatDoesNotShowIt() throws Exception {
            String wrong = "wrong passphrase never shown";
            SshIdentity identity = identity().withPassphrase(wrong.toCharArray());

            assertThatThrownBy(() -> host("one", identity))
                    .isInstanceOf(RemoteAuthenticationException.class)
                    .hasMessageContaining("cannot decrypt the SSH private key " + encrypted)
                    .hasMessageContaining("passphrase given is wrong")
                    .hasMessageContaining(server.url(bare))
                    .hasMessageNotContaining(wrong)
                    .hasMessageNotContaining(PASSPHRASE);
            assertNothingJoined("one");
        }

        @Test
        void noPassphraseForAnEncryptedKeyFailsWithATypedErrorNotAPrompt() throws Exception {
            SshIdentity identity = identity();

            assertThatThrownBy(() -> host("one", identity))
                    .isInstanceOf(RemoteAuthenticationException.class)
                    .hasMessageContaining("cannot decrypt the SSH private key " + encrypted)
                    .hasMessageContaining("it is encrypted and no passphrase was given");
            assertNothingJoined("one");
        }

        @Test
        void anEmptyPassphraseIsRejectedAtTheBoundary() throws Exception {
            SshIdentity identity = identity();

            assertThatThrownBy(() -> identity.withPassphrase(new char[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not be empty");
        }
    }

    private void assertNothingJoined(String name) {
        try (GitOpsRepository local = GitOpsRepository.open(temp.resolve(name))) {
            assertThat(local.isInitialized()).isFalse();
        }
    }
}
