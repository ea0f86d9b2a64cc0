package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freeze windows at the Git server: the server's clock at push time judges them, not the date a host wrote
 * into the record. The agent's host clock is set to before the freeze; the push arrives during it.
 */
class ReceiveFreezeTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant FREEZE_FROM = NOW.plus(Duration.ofDays(10));
    private static final Instant FREEZE_TO = NOW.plus(Duration.ofDays(20));
    private static final String POLICY = Samples.POLICY.replace(
            "{from: \"2026-12-20T00:00:00Z\", to: \"2027-01-05T00:00:00Z\", reason: year-end freeze}",
            "{from: \"" + FREEZE_FROM + "\", to: \"" + FREEZE_TO + "\", reason: release freeze}");

    @TempDir
    Path temp;

    private PushServer server;
    private Path client;

    @BeforeEach
    void createServer() throws Exception {
        assertThat(POLICY).contains("release freeze");
        server = PushServer.initialized(temp.resolve("server.git"), POLICY, b -> b);
        client = server.sync(temp.resolve("client.git"));
    }

    /** Records a stack as the agent's host would, with the host's clock before the freeze. */
    private String recordOnTheHost(String environment) {
        try (GitOpsRepository repo = GitOpsRepositoryBuilder.of(client)
                .clock(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC))
                .open()) {
            Proposal p = repo.proposer(AGENT).propose(environment, Samples.web("1.0.0"), "web", List.of());
            Proposal approved = repo.reviewer(PushServer.ALICE).approve(p.id());
            if (approved.state() != ProposalState.RECORDED) {
                approved = repo.reviewer(Principal.human("carol")).approve(p.id());
            }
            return approved.recordedCommit();
        }
    }

    private List<Refusal> pushAt(Instant serverNow) throws Exception {
        return server.with(b -> b.clock(Clock.fixed(serverNow, ZoneOffset.UTC))).push(client);
    }

    @Test
    void refusesARecordOfAFrozenEnvironmentPushedDuringTheFreezeWhateverItsDate() throws Exception {
        String recorded = recordOnTheHost("production");
        assertThat(webIsNamed(recorded)).isTrue();
        SortedMap<String, String> before = server.refs();

        List<Refusal> refused = pushAt(FREEZE_FROM.plus(Duration.ofDays(1)));

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo("refs/heads/main");
            assertThat(r.rule()).isEqualTo("freeze");
            assertThat(r.message())
                    .contains("production")
                    .contains("by the server's clock")
                    .contains("release freeze")
                    .contains(recorded.substring(0, 12));
        });
        assertThat(server.refs()).isEqualTo(before);
    }

    @Test
    void acceptsTheSameRecordPushedBeforeOrAfterTheFreeze() throws Exception {
        String recorded = recordOnTheHost("production");

        assertThat(pushAt(FREEZE_TO)).isEmpty();
        assertThat(server.refs()).containsEntry("refs/heads/main", recorded);
    }

    @Test
    void acceptsARecordOfAnEnvironmentTheFreezeDoesNotCover() throws Exception {
        String recorded = recordOnTheHost("staging");

        assertThat(pushAt(FREEZE_FROM)).isEmpty();
        assertThat(server.refs()).containsEntry("refs/heads/main", recorded);
    }

    private boolean webIsNamed(String commit) throws Exception {
        return PushServer.message(client, commit).contains("Countersign-Environment: production");
    }
}
