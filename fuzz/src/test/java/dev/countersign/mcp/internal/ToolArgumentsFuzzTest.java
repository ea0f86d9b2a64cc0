package dev.countersign.mcp.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the arguments of every MCP tool, as an agent sends them: the first line of an input names the tool (an
 * unknown name picks one by its hash), the rest is the JSON object of arguments, decoded as the SDK decodes it and
 * handed to the tool's handler over a real repository with a recorded stack. Text that is not a JSON object is
 * refused by the SDK before any tool runs, so it is skipped. Invariants: nothing escapes the handler (every
 * failure is a refused result), a refusal's text is at most a bounded length, one call takes bounded time.
 */
class ToolArgumentsFuzzTest {
    private static final int MESSAGE_LIMIT = 4096;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw, revert]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
            """;
    private static final String STAGING = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu, variables: {domain: staging.example.com, replicas: 2}}
            """;
    private static final String WEB = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: web}
            spec:
              variables: {replicas: 1}
              components:
                - name: database
                  helm: {repository: https://charts.example.com, chart: postgres, version: 1.0.0,
                         namespace: web, values: {size: 10Gi}}
                - name: api
                  dependsOn: [database]
                  helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                         namespace: web, values: {replicas: "${replicas}", host: "api.${domain}"}}
            """;
    private static final List<ToolDefinition> TOOLS = tools();

    @FuzzTest(maxDuration = "10m")
    void toolCall(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String name = newline < 0 ? text : text.substring(0, newline);
        Optional<Map<String, Object>> arguments = arguments(newline < 0 ? "{}" : text.substring(newline + 1));
        if (arguments.isEmpty()) {
            return;
        }
        ToolDefinition tool = TOOLS.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(TOOLS.get(Math.floorMod(name.hashCode(), TOOLS.size())));
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = tool.handler().apply(arguments.get());
        } catch (RuntimeException e) {
            throw new AssertionError(
                    tool.name() + ": exception escaped the handler: "
                            + e.getClass().getName(),
                    e);
        }
        if (outcome.error() && outcome.text().length() > MESSAGE_LIMIT) {
            throw new AssertionError(
                    tool.name() + ": refusal of " + outcome.text().length() + " characters");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_LIMIT) > 0) {
            throw new AssertionError(tool.name() + ": one call took " + took);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> arguments(String json) {
        try {
            Object value = JSON.readValue(json, Object.class);
            return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static List<ToolDefinition> tools() {
        try {
            var directory = Files.createTempDirectory("countersign-fuzz-mcp");
            GitOpsRepository repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
            Principal alice = Principal.human("alice");
            repo.initialize(alice, POLICY, List.of(StackFiles.parseEnvironment(STAGING, "staging.yaml")));
            var first = repo.proposer(Principal.human("bob"))
                    .propose("staging", StackFiles.parseStack(WEB, "web.yaml"), "first", List.of());
            repo.reviewer(alice).approve(first.id());
            var agent = Principal.agent("builder");
            var rate = new ProposalRate(3, Duration.ofHours(1), CLOCK);
            return new ToolCatalog(new AgentTools(
                            repo, agent, new PolicyCheck(repo, CLOCK), rate, "http://127.0.0.1:9/review"))
                    .tools();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
