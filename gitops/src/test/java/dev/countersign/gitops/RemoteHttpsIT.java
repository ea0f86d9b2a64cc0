package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.testing.GitHttpServer;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.gitops.testing.TestCertificates;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.TrustedCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode over https: a real {@code git http-backend} behind the JDK's HTTPS server on 127.0.0.1, with a
 * server certificate issued at test time by a test CA, so the {@link TrustedCertificates} given are really
 * what decides, per repository, with the JVM's trust store left alone.
 */
class RemoteHttpsIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String TOKEN = "ghp_s3cret-https-t0ken";
    private static final RemoteCredentials CREDENTIALS = RemoteCredentials.of("x-access-token", TOKEN);

    @TempDir
    Path temp;

    private TestCertificates authority;
    private Path served;
    private String repository;
    private @Nullable GitHttpServer server;

    @BeforeEach
    void createAuthority() throws Exception {
        authority = TestCertificates.authority(temp.resolve("ca"));
        served = Files.createDirectories(temp.resolve("served"));
        repository = GitHttpServer.createRepository(served, "gitops.git");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private String serve(String subjectAlternativeNames) throws Exception {
        SSLContext tls = authority.server("git-server", subjectAlternativeNames);
        server = GitHttpServer.serveTls(served, "x-access-token", TOKEN, tls);
        return server.url(repository);
    }

    private GitOpsRepository host(String name, String url, @Nullable TrustedCertificates trusted) {
        GitOpsRepositoryBuilder builder = GitOpsRepositoryBuilder.of(temp.resolve(name))
                .clock(CLOCK)
                .random(new SecureRandom())
                .remote(url)
                .credentials(CREDENTIALS);
        if (trusted != null) {
            builder.trustedCertificates(trusted);
        }
        return builder.open();
    }

    @Test
    void twoHostsTrustingTheCaProposeApproveAndRecord() throws Exception {
        String url = serve("IP:127.0.0.1,DNS:localhost");
        TrustedCertificates trusted = TrustedCertificates.fromPem(authority.pem());

        try (GitOpsRepository one = host("one", url, trusted);
                GitOpsRepository two = host("two", url, trusted)) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            Proposal web = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            Proposal data = two.proposer(AGENT).propose("staging", Samples.data(false), "add data", List.of());

            assertThat(two.reviewer(ALICE).approve(web.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.reviewer(ALICE).approve(data.id()).state()).isEqualTo(ProposalState.RECORDED);

            assertThat(two.log()).hasSize(3);
            assertThat(one.verify(null).findings()).isEmpty();
        }
        Path bare = served.resolve("gitops.git");
        assertThat(Processes.run(bare, "git", "rev-list", "--count", "main")
                        .out()
                        .trim())
                .isEqualTo("3");
        assertThat(Files.readString(served.resolve("http-backend.log")))
                .contains("POST /git/gitops.git/git-receive-pack 200");
    }

    @Test
    void theHostNameTheCertificateListsWorksToo() throws Exception {
        serve("IP:127.0.0.1,DNS:localhost");
        String byName = server.url("localhost", repository);

        try (GitOpsRepository one = host("one", byName, TrustedCertificates.fromPem(authority.pem()))) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            assertThat(one.isInitialized()).isTrue();
        }
    }

    @Test
    void withoutTheCaTheJvmTrustStoreRefusesTheServer() throws Exception {
        String url = serve("IP:127.0.0.1,DNS:localhost");

        assertThatThrownBy(() -> host("one", url, null))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining("refused the TLS certificate of remote " + url)
                .hasMessageContaining("not trusted by the JVM's trust store")
                .hasMessageNotContaining(TOKEN);
        assertNothingJoined("one");
    }

    @Test
    void anotherCaDoesNotVouchForTheServer() throws Exception {
        String url = serve("IP:127.0.0.1,DNS:localhost");
        TestCertificates other = TestCertificates.authority(temp.resolve("other-ca"));

        assertThatThrownBy(() -> host("one", url, TrustedCertificates.fromPem(other.pem())))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining("refused the TLS certificate of remote " + url)
                .hasMessageContaining("not trusted by the certificates of " + other.pem());
        assertNothingJoined("one");
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        String url = serve("DNS:git.example.org");

        assertThatThrownBy(() -> host("one", url, TrustedCertificates.fromPem(authority.pem())))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining("refused the TLS certificate of remote " + url)
                .hasMessageContaining("does not name the host 127.0.0.1")
                .hasMessageNotContaining(TOKEN);
        assertNothingJoined("one");
    }

    @Test
    void sslVerifyFalseInTheRepositoryConfigIsIgnored() throws Exception {
        String url = serve("IP:127.0.0.1,DNS:localhost");
        Path local = temp.resolve("one");
        Processes.run(temp, "git", "init", "--quiet", "--bare", "--initial-branch=main", local.toString());
        assertThat(Processes.run(local, "git", "config", "http.sslVerify", "false")
                        .code())
                .isZero();

        assertThatThrownBy(() -> host("one", url, null))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining("refused the TLS certificate");
        assertNothingJoined("one");
    }

    @Test
    void aBundleWithoutCertificatesIsRejectedAtTheBoundary() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.pem"), "not a certificate\n");

        assertThatThrownBy(() -> TrustedCertificates.fromPem(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString());
    }

    private void assertNothingJoined(String name) {
        try (GitOpsRepository local = GitOpsRepository.open(temp.resolve(name))) {
            assertThat(local.isInitialized()).isFalse();
        }
    }
}
