package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.mcp.internal.Fixture;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The scripted agent session with the official Java SDK's client, the server a child process over stdio. */
class JavaClientSessionIT {
    @TempDir
    Path repo;

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void proposesByPatchFindsNoApproveToolAndSeesAHumansApprovalRecorded() throws Exception {
        Fixture.repository(repo).close();
        try (var page = Children.reviewPage(repo)) {
            List<String> command = Children.server(repo, page.uri().toString());
            var params = ServerParameters.builder(command.get(0))
                    .args(command.subList(1, command.size()))
                    .build();
            var transport = new StdioClientTransport(
                    params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
            try (McpSyncClient client = McpClient.sync(transport)
                    .requestTimeout(Duration.ofSeconds(60))
                    .build()) {
                client.initialize();
                session(client, page);
            }
        }
    }

    private void session(McpSyncClient client, Children.ReviewPage page) throws Exception {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).noneMatch(n -> n.contains("approve"));
        assertThat(text(call(client, "list_stacks", Map.of("environment", "staging"))))
                .contains("web");
        assertThat(text(call(client, "plan_stack", Map.of("environment", "staging", "stack", Fixture.web("2.0.0")))))
                .contains("database");
        var proposed = call(
                client,
                "propose_stack_patch",
                Map.of("environment", "staging", "stack", "web", "rationale", "new api", "patch", patch("2.0.0")));
        assertThat(proposed.isError()).isFalse();
        String id = text(proposed).lines().findFirst().orElseThrow();
        assertThat(text(proposed))
                .contains(page.uri().resolve("/proposals/" + id).toString(), "human must");
        var approve = call(
                client,
                "check_policy",
                Map.of("environment", "staging", "stack", Fixture.web("2.0.0"), "action", "approve"));
        assertThat(approve.isError()).isTrue();
        assertThat(text(approve)).contains("humans-approve");
        String revised = text(call(client, "revise_proposal", Map.of("id", id, "patch", patch("2.1.0"))))
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(page.approve("human:alice", revised)).isLessThan(400);
        var shown = call(client, "get_proposal", Map.of("id", revised));
        assertThat(text(shown)).contains("state: RECORDED");
        assertThat(shown.structuredContent().toString()).contains("RECORDED");
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static List<Map<String, Object>> patch(String version) {
        return List.of(Map.of("op", "replace", "path", "/spec/components/1/helm/version", "value", version));
    }
}
