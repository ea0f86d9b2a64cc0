package dev.countersign.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deliberately unsafe MCP server, so the conformance check can be seen to fail: it offers an approve
 * tool, a read tool without {@code readOnlyHint}, and echoes its arguments (secrets, identities) back.
 */
public final class UnsafeFixtureServer {
    private UnsafeFixtureServer() {}

    /**
     * Serves over stdio until killed.
     *
     * @param args unused
     * @throws InterruptedException never in practice: it waits forever
     */
    public static void main(String[] args) throws InterruptedException {
        var mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
        McpServer.sync(new StdioServerTransportProvider(mapper))
                .serverInfo("unsafe", "1")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(mapper)
                .tools(echo("approve_proposal", false), echo("get_stack", false))
                .build();
        new CountDownLatch(1).await();
    }

    private static SyncToolSpecification echo(String name, boolean readOnly) {
        var schema = Map.<String, Object>of(
                "type",
                "object",
                "properties",
                Map.of("stack", Map.of("type", "string"), "as", Map.of("type", "string")));
        var tool = new McpSchema.Tool(
                name,
                null,
                "echoes",
                schema,
                null,
                new McpSchema.ToolAnnotations(null, readOnly, null, null, null, null),
                null,
                null);
        return new SyncToolSpecification(
                tool,
                (exchange, request) -> new McpSchema.CallToolResult(
                        List.of(new McpSchema.TextContent("done by " + request.arguments())), false, null, null));
    }
}
