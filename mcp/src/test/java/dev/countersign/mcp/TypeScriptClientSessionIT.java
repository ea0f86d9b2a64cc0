package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.mcp.internal.Fixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scripted agent session with the official TypeScript SDK client (test-tools), over stdio. */
class TypeScriptClientSessionIT {
    static final Path SCRIPT =
            Path.of("..", "test-tools", "mcp-session.mjs").toAbsolutePath().normalize();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path repo;

    @Test
    void runsTheSessionOverStdio() throws Exception {
        Fixture.repository(repo).close();
        try (var page = Children.reviewPage(repo)) {
            var command = new ArrayList<>(List.of("node", SCRIPT.toString()));
            command.addAll(Children.server(repo, page.uri().toString()));
            Process node = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
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
        }
    }

    private static JsonNode step(BufferedReader out, String name) throws Exception {
        String line = out.readLine();
        assertThat(line).as("step " + name).isNotNull();
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("step").asString()).isEqualTo(name);
        return node;
    }
}
