package dev.countersign.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.ProposalState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolCatalogTest {
    static final List<String> ALLOWED = List.of(
            "list_environments",
            "list_stacks",
            "get_stack",
            "validate_stack",
            "plan_stack",
            "check_policy",
            "propose_stack",
            "propose_stack_patch",
            "revise_proposal",
            "withdraw_proposal",
            "get_proposal",
            "list_proposals",
            "propose_revert");
    static final List<String> READS = List.of(
            "list_environments",
            "list_stacks",
            "get_stack",
            "validate_stack",
            "plan_stack",
            "check_policy",
            "get_proposal",
            "list_proposals");
    static final String SECRET = "tok-PLANTED-4f1b9c";

    @TempDir
    Path directory;

    GitOpsRepository repo;
    ToolCatalog catalog;

    @BeforeEach
    void open() {
        repo = Fixture.repository(directory);
        catalog = Fixture.tools(repo, new ProposalRate(3, Duration.ofHours(1), Fixture.CLOCK));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    Outcome call(String tool, Map<String, Object> arguments) {
        return catalog.tools().stream()
                .filter(t -> t.name().equals(tool))
                .findFirst()
                .orElseThrow()
                .handler()
                .apply(arguments);
    }

    static List<Map<String, Object>> bump(String version) {
        return List.of(Map.of("op", "replace", "path", "/spec/components/1/helm/version", "value", version));
    }

    String refs() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "--git-dir", directory.toString(), "for-each-ref")
                .redirectErrorStream(true)
                .start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).isZero();
        return out;
    }

    @Test
    void offersExactlyTheAllowListAndNoApproveLikeTool() {
        assertThat(catalog.tools()).extracting(ToolDefinition::name).containsExactlyElementsOf(ALLOWED);
        assertThat(catalog.tools())
                .extracting(ToolDefinition::name)
                .noneMatch(n -> n.matches(".*(approve|reject|record|unprotect|policy_set|secret|merge|apply).*"));
    }

    @Test
    void marksEveryReadReadOnlyAndEveryProposalNot() {
        for (ToolDefinition tool : catalog.tools()) {
            assertThat(tool.readOnly()).as(tool.name()).isEqualTo(READS.contains(tool.name()));
        }
    }

    @Test
    void listsAndReadsTheRecordedStack() {
        assertThat(call("list_environments", Map.of()).data().toString()).contains("staging", "web");
        Outcome stack = call("get_stack", Map.of("environment", "staging", "stack", "web"));
        assertThat(stack.error()).isFalse();
        assertThat(stack.text()).contains("name: api", "1.0.0");
    }

    @Test
    void plansWithWavesAndVariableProvenance() {
        Outcome plan = call("plan_stack", Map.of("environment", "staging", "stack", Fixture.web("2.0.0")));
        assertThat(plan.error()).isFalse();
        assertThat(plan.data().get("waves")).isEqualTo(List.of(List.of("database"), List.of("api")));
        assertThat(plan.data().get("variables").toString()).contains("domain", "environment");
    }

    @Test
    void proposesByPatchWithTheIdFirstAndTheReviewUrl() {
        Outcome out = call(
                "propose_stack_patch",
                Map.of("environment", "staging", "stack", "web", "patch", bump("2.0.0"), "rationale", "new api"));
        assertThat(out.error()).as(out.text()).isFalse();
        String id = out.text().lines().findFirst().orElseThrow();
        assertThat(id).matches("p-[0-9a-f]+");
        assertThat(out.text()).contains("http://127.0.0.1:9/review/proposals/" + id, "human must", "cannot approve");
        assertThat(repo.proposal(id).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(repo.proposal(id).proposer().toString()).isEqualTo("agent:builder");
    }

    @Test
    void ignoresIdentityArguments() {
        Outcome out = call(
                "propose_stack",
                Map.of(
                        "environment",
                        "staging",
                        "stack",
                        Fixture.web("2.0.0"),
                        "rationale",
                        "r",
                        "as",
                        "human:alice",
                        "principal",
                        "human:alice",
                        "on_behalf_of",
                        "human:bob"));
        String id = out.text().lines().findFirst().orElseThrow();
        assertThat(repo.proposal(id).proposer().toString()).isEqualTo("agent:builder");
    }

    @Test
    void deniesAnApproveInCheckPolicyWithTheRule() {
        Outcome out = call(
                "check_policy", Map.of("environment", "staging", "stack", Fixture.web("2.0.0"), "action", "approve"));
        assertThat(out.error()).isTrue();
        assertThat(out.text()).contains("humans-approve");
        assertThat(call("check_policy", Map.of("environment", "staging", "stack", Fixture.web("2.0.0")))
                        .error())
                .isFalse();
    }

    @Test
    void refusesALiteralSecretWithoutEchoingItAndWritesNothing() throws Exception {
        String before = refs();
        Outcome out = call(
                "propose_stack_patch",
                Map.of(
                        "environment",
                        "staging",
                        "stack",
                        "web",
                        "rationale",
                        "r",
                        "patch",
                        List.of(
                                Map.of("op", "add", "path", "/spec/components/1/secrets", "value", List.of("/token")),
                                Map.of("op", "add", "path", "/spec/components/1/helm/values/token", "value", SECRET))));
        assertThat(out.error()).isTrue();
        assertThat(out.text() + out.data()).doesNotContain(SECRET).contains("secret");
        assertThat(refs()).isEqualTo(before);
    }

    static Map<String, Object> insight(double confidence) {
        return Map.of(
                "summary",
                "api latency p99 climbing since the last release",
                "confidence",
                confidence,
                "evidence",
                List.of(Map.of("metric", "api_latency_p99_ms", "window", "6h", "values", List.of(180, 240, 410))));
    }

    @Test
    void carriesTheAgentsInsightOnTheProposalWhichTheAgentStillCannotApprove() {
        Map<String, Object> arguments = new java.util.HashMap<>(
                Map.of("environment", "staging", "stack", "web", "patch", bump("2.0.0"), "rationale", "faster api"));
        arguments.put("insight", insight(0.8));

        Outcome out = call("propose_stack_patch", arguments);

        assertThat(out.error()).as(out.text()).isFalse();
        var proposal = repo.proposal(out.text().lines().findFirst().orElseThrow());
        var insight = proposal.insight().orElseThrow();
        assertThat(insight.summary()).isEqualTo("api latency p99 climbing since the last release");
        assertThat(insight.confidence()).isEqualTo(0.8);
        assertThat(insight.evidence().get(0).values()).containsExactly(180.0, 240.0, 410.0);
        assertThat(insight.evidence().get(0).window()).isEqualTo(Duration.ofHours(6));
        assertThat(proposal.state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void refusesAMalformedInsightAsAnInvalidArgumentAndWritesNothing() throws Exception {
        String before = refs();
        for (Object bad : List.of(insight(1.5), "not an object")) {
            Map<String, Object> arguments = new java.util.HashMap<>(
                    Map.of("environment", "staging", "stack", Fixture.web("2.0.0"), "rationale", "r"));
            arguments.put("insight", bad);

            Outcome out = call("propose_stack", arguments);

            assertThat(out.error()).isTrue();
            assertThat(out.text()).contains("invalid-argument").contains("insight");
        }
        assertThat(refs()).isEqualTo(before);
    }

    @Test
    void answersADeniedOrMalformedCallAsAnErrorResult() throws Exception {
        String before = refs();
        assertThat(call(
                                "propose_stack_patch",
                                Map.of(
                                        "environment",
                                        "staging",
                                        "stack",
                                        "web",
                                        "rationale",
                                        "r",
                                        "patch",
                                        List.of(Map.of("op", "remove", "path", "/nope"))))
                        .text())
                .contains("invalid-argument", "no value at /nope");
        assertThat(call("get_proposal", Map.of("id", "p-000000000000")).error()).isTrue();
        assertThat(call("propose_stack", Map.of("environment", "staging", "stack", "kind: Nope", "rationale", "r"))
                        .error())
                .isTrue();
        assertThat(refs()).isEqualTo(before);
    }

    @Test
    void refusesArgumentsBeyondTheFileLimits() {
        Object deep = "x";
        for (int i = 0; i < 200; i++) {
            deep = List.of(deep);
        }
        assertThat(call("validate_stack", Map.of("stack", "a".repeat(Arguments.MAX_CHARS)))
                        .text())
                .contains("limit");
        assertThat(call("validate_stack", Map.of("stack", "x", "deep", deep)).text())
                .contains("nested deeper");
    }

    @Test
    void limitsProposalsPerPrincipal() {
        for (int i = 0; i < 3; i++) {
            assertThat(call(
                                    "propose_stack_patch",
                                    Map.of(
                                            "environment",
                                            "staging",
                                            "stack",
                                            "web",
                                            "rationale",
                                            "r",
                                            "patch",
                                            bump("2.0." + i)))
                            .error())
                    .isFalse();
        }
        Outcome fourth = call(
                "propose_stack_patch",
                Map.of("environment", "staging", "stack", "web", "rationale", "r", "patch", bump("3.0.0")));
        assertThat(fourth.error()).isTrue();
        assertThat(fourth.text()).contains("rate-limit");
    }

    @Test
    void revisesWithdrawsAndShowsAProposal() {
        String id = call(
                        "propose_stack_patch",
                        Map.of("environment", "staging", "stack", "web", "rationale", "r", "patch", bump("2.0.0")))
                .text()
                .lines()
                .findFirst()
                .orElseThrow();
        Outcome revised = call("revise_proposal", Map.of("id", id, "patch", bump("2.1.0")));
        String next = revised.text().lines().findFirst().orElseThrow();
        assertThat(repo.proposal(id).state()).isEqualTo(ProposalState.SUPERSEDED);
        Outcome shown = call("get_proposal", Map.of("id", next));
        assertThat(shown.data().get("state")).isEqualTo("PROPOSED");
        assertThat(shown.text()).contains("2.1.0");
        assertThat(call("withdraw_proposal", Map.of("id", next)).data().get("state"))
                .isEqualTo("WITHDRAWN");
        assertThat(call("list_proposals", Map.of("state", "withdrawn")).text()).contains(next);
    }

    @Test
    void neverEchoesAnArgumentInARefusal() {
        Outcome out = call("get_stack", Map.of("environment", "staging", "stack", "web-" + SECRET));
        assertThat(out.error()).isTrue();
        assertThat(out.text() + out.data()).doesNotContain(SECRET).contains("[argument]");
    }
}
