package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent with push access hand-commits what only a reviewed proposal may bring: a new environment, or a new
 * SOPS recipient. {@code verify} flags it and the pre-receive check refuses it, leaving the server's refs as they
 * were.
 */
class ReceiveEnvironmentTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final String MAIN = "refs/heads/main";
    private static final String QA = ".countersign/environments/qa.yaml";
    private static final String RECIPIENT = "age1" + "q".repeat(58);

    @TempDir
    Path temp;

    private PushServer server;
    private Path client;

    @BeforeEach
    void createServer() throws Exception {
        server = PushServer.initialized(temp.resolve("server.git"));
        client = server.sync(temp.resolve("client.git"));
    }

    private String head() throws Exception {
        return PushServer.refs(client).get(MAIN);
    }

    private static String qaFile() {
        return """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: qa}
                spec: {cluster: qa-eu}
                """;
    }

    private List<String> verifyClient() {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            return repo.verify(null).findings().stream().map(Finding::rule).toList();
        }
    }

    @Test
    void aPlainCommitAddingAnEnvironmentIsRefusedAndLandsNothing() throws Exception {
        SortedMap<String, String> before = server.refs();
        PushServer.commit(client, MAIN, head(), Map.of(QA, qaFile()), "add qa", "agent:builder");

        assertThat(verifyClient()).contains("missing-trailers");
        assertThat(server.push(client)).extracting(Refusal::ref).contains(MAIN);
        assertThat(server.refs()).isEqualTo(before);
    }

    @Test
    void aPlainCommitOfAnEnvironmentsRecipientsRuleIsRefusedAndLandsNothing() throws Exception {
        SortedMap<String, String> before = server.refs();
        PushServer.commit(
                client,
                MAIN,
                head(),
                Map.of(".countersign/recipients/staging.sops.yaml", "creation_rules:\n  - age: " + RECIPIENT + "\n"),
                "add my key",
                "agent:builder");

        assertThat(verifyClient()).contains("missing-trailers");
        assertThat(server.push(client)).extracting(Refusal::ref).contains(MAIN);
        assertThat(server.refs()).isEqualTo(before);
    }

    @Test
    void anAddedRecipientUnderTheTrailersOfAReviewedEnvironmentIsRefused() throws Exception {
        String honest;
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Proposal p = repo.proposer(AGENT)
                    .proposeEnvironment(StackFiles.parseEnvironment(qaFile(), "qa.yaml"), "qa", List.of());
            honest = Objects.requireNonNull(
                    repo.reviewer(PushServer.ALICE).approve(p.id()).recordedCommit());
        }
        assertThat(server.push(client)).isEmpty();
        SortedMap<String, String> before = server.refs();
        PushServer.commit(
                client,
                MAIN,
                honest,
                Map.of(".sops.yaml", "creation_rules:\n  - age: " + RECIPIENT + "\n"),
                PushServer.message(client, honest),
                "agent:builder");

        assertThat(verifyClient()).contains("outside-stack-folder");
        assertThat(server.push(client)).extracting(Refusal::ref).contains(MAIN);
        assertThat(server.refs()).isEqualTo(before);
    }
}
