package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.SshIdentity;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several hosts, each with its own clone, sharing one server through {@code file://}. */
class RemoteModeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path temp;

    private String url;

    @BeforeEach
    void createServer() throws Exception {
        Path server = temp.resolve("server.git");
        try (Repository repository =
                new FileRepositoryBuilder().setGitDir(server.toFile()).setBare().build()) {
            repository.create(true);
            repository.updateRef(Constants.HEAD).link("refs/heads/main");
        }
        url = server.toUri().toString();
    }

    private GitOpsRepository host(String name) {
        return GitOpsRepositoryBuilder.of(temp.resolve(name))
                .clock(CLOCK)
                .random(new SecureRandom())
                .remote(url)
                .open();
    }

    @Test
    void aSecondHostJoinsAndSeesWhatTheFirstRecorded() {
        try (GitOpsRepository one = host("one");
                GitOpsRepository two = host("two")) {
            assertThat(two.isInitialized()).isFalse();
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            assertThat(two.isInitialized()).isTrue();

            Proposal web = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            Proposal recorded = two.reviewer(ALICE).approve(web.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.proposal(web.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.log()).hasSize(2);
            assertThat(one.verify(null).findings()).isEmpty();
        }
    }

    @Test
    void aSecondInitializeFailsBecauseTheServerIsInitialized() {
        try (GitOpsRepository one = host("one");
                GitOpsRepository two = host("two")) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            assertThatThrownBy(() -> two.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS))
                    .isInstanceOf(GitOpsException.class)
                    .hasMessageContaining("already initialized");
        }
    }

    @Test
    void rebasesARecordWhenAnotherHostRecordedAnotherStack() {
        try (GitOpsRepository one = host("one");
                GitOpsRepository two = host("two")) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            Proposal web = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            Proposal data = two.proposer(AGENT).propose("staging", Samples.data(false), "add data", List.of());
            one.reviewer(ALICE).approve(web.id());

            Proposal recorded = two.reviewer(ALICE).approve(data.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.log()).hasSize(3);
        }
    }

    @Test
    void conflictsWithAReasonWhenAnotherHostRecordedTheSameStack() {
        try (GitOpsRepository one = host("one");
                GitOpsRepository two = host("two")) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            Proposal first = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "web 1", List.of());
            Proposal second = two.proposer(AGENT).propose("staging", Samples.web("2.0.0"), "web 2", List.of());
            one.reviewer(ALICE).approve(first.id());

            Proposal conflicted = two.reviewer(ALICE).approve(second.id());

            assertThat(conflicted.state()).isEqualTo(ProposalState.CONFLICTED);
            assertThat(conflicted
                            .decisions()
                            .get(conflicted.decisions().size() - 1)
                            .explanation())
                    .contains("main moved")
                    .contains("environments/staging/web");
        }
    }

    @Test
    void keepsTheRemoteInTheRepositoryConfig() {
        try (GitOpsRepository one = host("one")) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        }
        try (GitOpsRepository other = host("other");
                GitOpsRepository reopened = GitOpsRepository.open(temp.resolve("one"), CLOCK, new SecureRandom())) {
            Proposal web = other.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());

            assertThat(reopened.proposal(web.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }
    }

    @Test
    void refusesToSwitchADirectoryToAnotherRemote() {
        host("one").close();
        GitOpsRepositoryBuilder other = GitOpsRepositoryBuilder.of(temp.resolve("one"))
                .remote(temp.resolve("elsewhere.git").toUri().toString());

        assertThatThrownBy(other::open).isInstanceOf(GitOpsException.class).hasMessageContaining("refusing to switch");
    }

    @Test
    void refusesAPasswordInTheUrl() {
        GitOpsRepositoryBuilder builder =
                GitOpsRepositoryBuilder.of(temp.resolve("one")).remote("https://alice:hunter2@git.example.com/r.git");

        assertThatThrownBy(builder::open)
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("carries a password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void failsWithATypedErrorWhenTheServerIsUnreachable() {
        GitOpsRepositoryBuilder builder = GitOpsRepositoryBuilder.of(temp.resolve("one"))
                .remote(temp.resolve("missing.git").toUri().toString());

        assertThatThrownBy(builder::open)
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("cannot open remote");
        try (GitOpsRepository local = GitOpsRepository.open(temp.resolve("one"))) {
            assertThat(local.isInitialized()).isFalse();
        }
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        RemoteCredentials credentials = RemoteCredentials.of("x-access-token", "ghp_secret");

        assertThat(credentials.toString()).contains("x-access-token").doesNotContain("ghp_secret");
        assertThatThrownBy(() -> RemoteCredentials.of("bot", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnSshRemoteWithoutAnSshIdentityRatherThanReadHomeSsh() {
        GitOpsRepositoryBuilder builder =
                GitOpsRepositoryBuilder.of(temp.resolve("one")).remote("ssh://git@127.0.0.1:9/srv/gitops.git");

        assertThatThrownBy(builder::open)
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("no SSH identity was given")
                .hasMessageContaining("~/.ssh is never used");
    }

    @Test
    void anSshIdentityNeedsReadableFilesAndShowsOnlyTheirPaths() throws Exception {
        Path key = java.nio.file.Files.writeString(temp.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        Path knownHosts = java.nio.file.Files.writeString(temp.resolve("known_hosts"), "");

        assertThat(SshIdentity.of(key, knownHosts).toString())
                .contains(key.toString())
                .doesNotContain("BEGIN");
        assertThatThrownBy(() -> SshIdentity.of(temp.resolve("missing"), knownHosts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSH private key");
    }

    @Test
    void anSshIdentityKeepsItsOwnCopyOfThePassphraseAndNeverShowsIt() throws Exception {
        Path key = java.nio.file.Files.writeString(temp.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        Path knownHosts = java.nio.file.Files.writeString(temp.resolve("known_hosts"), "");
        char[] given = "open sesame".toCharArray();

        SshIdentity identity = SshIdentity.of(key, knownHosts).withPassphrase(given);
        java.util.Arrays.fill(given, '\0');
        char[] copy = identity.passphrase();
        java.util.Arrays.fill(copy, 'x');

        assertThat(new String(identity.passphrase())).isEqualTo("open sesame");
        assertThat(identity.hasPassphrase()).isTrue();
        assertThat(SshIdentity.of(key, knownHosts).hasPassphrase()).isFalse();
        assertThat(identity.toString()).contains("passphrase=***").doesNotContain("sesame");
    }
}
