package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.testing.GitHttpServer;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode over smart HTTP: two hosts share a real {@code git http-backend} behind HTTP Basic
 * authentication on 127.0.0.1, so {@link RemoteCredentials} are really presented and really checked.
 */
class RemoteHttpIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String TOKEN = "ghp_s3cret-t0ken-for-the-test";

    @TempDir
    Path temp;

    private GitHttpServer server;
    private Path served;
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        served = Files.createDirectories(temp.resolve("served"));
        String repository = GitHttpServer.createRepository(served, "gitops.git");
        server = GitHttpServer.serve(served, "x-access-token", TOKEN);
        url = server.url(repository);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private GitOpsRepository host(String name, @Nullable RemoteCredentials credentials) {
        GitOpsRepositoryBuilder builder = GitOpsRepositoryBuilder.of(temp.resolve(name))
                .clock(CLOCK)
                .random(new SecureRandom())
                .remote(url);
        if (credentials != null) {
            builder.credentials(credentials);
        }
        return builder.open();
    }

    @Test
    void twoHostsProposeApproveAndRecordThroughTheServer() throws Exception {
        RemoteCredentials token = RemoteCredentials.of("x-access-token", TOKEN);
        try (GitOpsRepository one = host("one", token);
                GitOpsRepository two = host("two", token)) {
            one.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            Proposal web = one.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
            Proposal data = two.proposer(AGENT).propose("staging", Samples.data(false), "add data", List.of());

            assertThat(two.reviewer(ALICE).approve(web.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(one.reviewer(ALICE).approve(data.id()).state()).isEqualTo(ProposalState.RECORDED);

            assertThat(two.proposal(data.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(two.log()).hasSize(3);
            assertThat(one.verify(null).findings()).isEmpty();
        }
        Path bare = served.resolve("gitops.git");
        assertThat(Processes.run(bare, "git", "rev-list", "--count", "main")
                        .out()
                        .trim())
                .isEqualTo("3");
        assertThat(Processes.run(bare, "git", "fsck", "--strict").code()).isZero();
    }

    @Test
    void aWrongTokenFailsWithATypedErrorThatDoesNotShowIt() {
        String wrong = "ghp_wrong-t0ken-never-shown";

        assertThatThrownBy(() -> host("one", RemoteCredentials.of("x-access-token", wrong)))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining(url)
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(TOKEN);
        try (GitOpsRepository local = GitOpsRepository.open(temp.resolve("one"))) {
            assertThat(local.isInitialized()).isFalse();
        }
    }

    @Test
    void missingCredentialsFailWithATypedError() {
        assertThatThrownBy(() -> host("one", null))
                .isInstanceOf(RemoteAuthenticationException.class)
                .hasMessageContaining(url);
    }
}
