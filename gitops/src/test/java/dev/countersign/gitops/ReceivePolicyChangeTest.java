package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy change at the pre-receive hook and in {@code verify}, from the side of an agent with a shell and push
 * access: an honest policy record lands and verifies; a policy edited by hand, a stack record's trailers over a
 * policy edit, and a policy record whose approvals do not meet {@code change-policy} are refused and reported.
 */
class ReceivePolicyChangeTest {
    private static final String MAIN = "refs/heads/main";
    private static final String POLICY_FILE = ".countersign/policy.yaml";
    private static final String AGENT = "agent:builder";

    @TempDir
    Path temp;

    private PushServer server;
    private Path client;

    @BeforeEach
    void createServer() throws Exception {
        server = PushServer.initialized(temp.resolve("server.git"), PolicyChangeTest.POLICY, builder -> builder);
        client = server.sync(temp.resolve("client.git"));
    }

    private Proposal recordPolicy() {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Proposal p = repo.proposer(PolicyChangeTest.ALICE)
                    .proposePolicy(PolicyChangeTest.withFrankApproving(), "frank joins", List.of());
            repo.reviewer(PolicyChangeTest.CAROL).approve(p.id());
            return repo.reviewer(PolicyChangeTest.ERIN).approve(p.id());
        }
    }

    private String recordStack() {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Proposal p =
                    repo.proposer(PolicyChangeTest.AGENT).propose("staging", Samples.web("1.0.0"), "web", List.of());
            return repo.reviewer(PolicyChangeTest.BOB).approve(p.id()).recordedCommit();
        }
    }

    private List<String> verifyClient() {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            return repo.verify().findings().stream().map(Finding::rule).toList();
        }
    }

    private String head() throws Exception {
        return PushServer.refs(client).get(MAIN);
    }

    @Test
    void acceptsAnHonestPolicyRecordThatThenVerifiesOnTheServer() throws Exception {
        Proposal recorded = recordPolicy();

        assertThat(server.push(client)).isEmpty();

        assertThat(server.refs().get(MAIN)).isEqualTo(recorded.recordedCommit());
        try (GitOpsRepository repo = GitOpsRepository.open(server.server)) {
            assertThat(repo.verify().findings()).isEmpty();
            assertThat(repo.policy().principals()).contains(Principal.human("frank"));
        }
    }

    @Test
    void refusesAPolicyEditedByHandAndLandsNothing() throws Exception {
        SortedMap<String, String> before = server.refs();
        String lax =
                PolicyChangeTest.POLICY.replace("agent:builder\", roles: [member]", "agent:builder\", roles: [admin]");
        PushServer.commit(client, MAIN, head(), Map.of(POLICY_FILE, lax), "let the agent approve", AGENT);

        assertThat(server.push(client))
                .extracting(Refusal::ref, Refusal::rule)
                .contains(tuple(MAIN, "missing-trailers"));

        assertThat(server.refs()).isEqualTo(before);
        assertThat(verifyClient()).contains("missing-trailers");
    }

    @Test
    void refusesAStackRecordsTrailersOverAPolicyEdit() throws Exception {
        String honest = recordStack();
        server.push(client);
        SortedMap<String, String> before = server.refs();
        String lax = PolicyChangeTest.POLICY.replace("required: 2", "required: 0");

        PushServer.commit(client, MAIN, honest, Map.of(POLICY_FILE, lax), PushServer.message(client, honest), AGENT);

        assertThat(server.push(client)).extracting(Refusal::ref).contains(MAIN);
        assertThat(server.refs()).isEqualTo(before);
        assertThat(verifyClient()).contains("outside-stack-folder");
    }

    @Test
    void refusesAPolicyRecordWhoseApprovalsDoNotMeetChangePolicy() throws Exception {
        Proposal recorded = recordPolicy();
        String commit = recorded.recordedCommit();
        String message = PushServer.message(client, commit);
        SortedMap<String, String> before = server.refs();
        // one admin's approval dropped, then an approver without change-policy named instead
        for (String forged : List.of(
                message.replace("Countersign-Approved-By: human:erin\n", ""),
                message.replace("Countersign-Approved-By: human:erin", "Countersign-Approved-By: human:bob"))) {
            PushServer.move(client, MAIN, commit);
            PushServer.amend(client, MAIN, commit, forged);

            assertThat(server.push(client)).extracting(Refusal::ref).contains(MAIN);
            assertThat(server.refs()).isEqualTo(before);
            assertThat(verifyClient()).contains("approvers-not-allowed");
        }
    }

    @Test
    void refusesAPolicyRecordPushedWhileAnyEnvironmentIsFrozenByTheServersClock() throws Exception {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.Instant freeze = now.plus(java.time.Duration.ofDays(10));
        String frozen = PolicyChangeTest.POLICY.replace(
                "production: {approvals: {required: 2, from: [approver, admin]}}",
                "production: {approvals: {required: 2, from: [approver, admin]}, freeze: [{from: \"" + freeze
                        + "\", to: \"" + freeze.plus(java.time.Duration.ofDays(10)) + "\", reason: release freeze}]}");
        PushServer frozenServer = PushServer.initialized(temp.resolve("frozen.git"), frozen, b -> b);
        Path host = frozenServer.sync(temp.resolve("host.git"));
        try (GitOpsRepository repo = GitOpsRepositoryBuilder.of(host)
                .clock(java.time.Clock.fixed(now.plusSeconds(60), java.time.ZoneOffset.UTC))
                .open()) {
            Proposal p = repo.proposer(PolicyChangeTest.ALICE)
                    .proposePolicy(
                            dev.countersign.policy.Policy.parse(frozen.replace("required: 1", "required: 0")),
                            "no staging approvals",
                            List.of());
            repo.reviewer(PolicyChangeTest.CAROL).approve(p.id());
            assertThat(repo.reviewer(PolicyChangeTest.ERIN).approve(p.id()).state())
                    .isEqualTo(ProposalState.RECORDED);
        }
        SortedMap<String, String> before = frozenServer.refs();

        List<Refusal> refused = frozenServer
                .with(b -> b.clock(java.time.Clock.fixed(freeze.plusSeconds(3600), java.time.ZoneOffset.UTC)))
                .push(host);

        assertThat(refused).extracting(Refusal::ref, Refusal::rule).contains(tuple(MAIN, "freeze"));
        assertThat(frozenServer.refs()).isEqualTo(before);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
