package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.mcp.internal.Fixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scripted agent session with the official TypeScript SDK client over streamable HTTP, and the
 * token checks: a wrong token is refused with 401 and proposes nothing; a second token is a second
 * agent, whatever identity its tool arguments claim.
 */
class TypeScriptClientHttpSessionIT {
    static final Path TOOLS = Path.of("..", "test-tools").toAbsolutePath().normalize();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path repo;

    @TempDir
    Path config;

    @Test
    void runsTheSessionOverStreamableHttp() throws Exception {
        Fixture.repository(repo).close();
        var tokens = new HttpFixture(config);
        try (var page = Children.reviewPage(repo);
                GitOpsRepository opened = GitOpsRepository.open(repo);
                AgentHttpServer server = tokens.start(opened, page.uri().toString())) {
            Process node = node(
                    List.of("mcp-session.mjs", "--http", server.uri().toString()), Map.of("MCP_TOKEN", tokens.builder));
            var out = reader(node);
            JsonNode tools = step(out, "tools");
            assertThat(tools.get("names").toString())
                    .contains("propose_stack_patch")
                    .doesNotContain("approve");
            assertThat(tools.get("readOnly").toString()).contains("get_stack", "check_policy");
            assertThat(step(out, "list_stacks").get("text").asString()).contains("web");
            assertThat(step(out, "plan_stack").get("text").asString()).contains("database");
            JsonNode proposed = step(out, "proposed");
            assertThat(proposed.get("isError").asBoolean()).isFalse();
            assertThat(proposed.get("text").asString())
                    .contains(page.uri().resolve("/proposals/").toString(), "human must");
            JsonNode approve = step(out, "check_policy_approve");
            assertThat(approve.get("isError").asBoolean()).isTrue();
            assertThat(approve.get("text").asString()).contains("humans-approve");
            String revised = step(out, "revised").get("id").asString();
            assertThat(page.approve("human:alice", revised)).isLessThan(400);
            try (OutputStream in = node.getOutputStream()) {
                in.write("approved\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(step(out, "final").get("state").asString()).isEqualTo("RECORDED");
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).isZero();
            assertThat(opened.proposal(revised).proposer().toString()).isEqualTo("agent:builder");
        }
    }

    @Test
    void refusesAWrongTokenAndTakesTheAgentFromTheToken() throws Exception {
        Fixture.repository(repo).close();
        var tokens = new HttpFixture(config);
        try (GitOpsRepository opened = GitOpsRepository.open(repo);
                AgentHttpServer server = tokens.start(opened, "http://127.0.0.1:9/review")) {
            List<String> before = HttpFixture.refs(repo);
            Process node = node(
                    List.of("mcp-http-tokens.mjs", server.uri().toString()),
                    Map.of("WRONG_TOKEN", HttpFixture.token(), "OTHER_TOKEN", tokens.helper));
            var out = reader(node);
            JsonNode wrong = step(out, "wrong_token");
            assertThat(wrong.get("connected").asBoolean()).isFalse();
            assertThat(wrong.get("code").asInt()).isEqualTo(401);
            assertThat(HttpFixture.refs(repo))
                    .as("nothing landed for the wrong token")
                    .isEqualTo(before);
            JsonNode other = step(out, "other_token");
            assertThat(other.get("isError").asBoolean()).isFalse();
            assertThat(other.get("proposer").asString()).isEqualTo("agent:helper");
            assertThat(opened.proposal(other.get("id").asString()).proposer().toString())
                    .isEqualTo("agent:helper");
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).isZero();
        }
    }

    private static Process node(List<String> script, Map<String, String> env) throws IOException {
        var command = new java.util.ArrayList<>(
                List.of("node", TOOLS.resolve(script.get(0)).toString()));
        command.addAll(script.subList(1, script.size()));
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        return builder.start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static JsonNode step(BufferedReader out, String name) throws Exception {
        String line = out.readLine();
        assertThat(line).as("step " + name).isNotNull();
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("step").asString()).isEqualTo(name);
        return node;
    }
}
