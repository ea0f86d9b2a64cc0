package dev.countersign.mcp.internal;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds the MCP Java SDK's server over a transport, with a catalog's tools. Stateless. */
public final class SdkServers {
    /** The JSON mapper of the SDK's transports and schemas. */
    public static final JacksonMcpJsonMapper MAPPER =
            new JacksonMcpJsonMapper(JsonMapper.builder().build());

    private static final String INSTRUCTIONS =
            "Countersign: you can read and propose; a human approves on the review page.";

    private SdkServers() {}

    /**
     * Serves a catalog over a single-session transport (stdio).
     *
     * @param transport the transport
     * @param catalog the tools
     * @return the running server
     */
    public static McpSyncServer serve(McpServerTransportProvider transport, ToolCatalog catalog) {
        return McpServer.sync(transport)
                .serverInfo("countersign", "1")
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(MAPPER)
                .jsonSchemaValidator(
                        new DefaultJsonSchemaValidator(JsonMapper.builder().build()))
                .tools(specifications(catalog))
                .build();
    }

    /**
     * Serves a catalog over a streamable HTTP transport.
     *
     * @param transport the transport
     * @param catalog the tools
     * @return the running server
     */
    public static McpSyncServer serve(McpStreamableServerTransportProvider transport, ToolCatalog catalog) {
        return McpServer.sync(transport)
                .serverInfo("countersign", "1")
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(MAPPER)
                .jsonSchemaValidator(
                        new DefaultJsonSchemaValidator(JsonMapper.builder().build()))
                .tools(specifications(catalog))
                .build();
    }

    private static List<SyncToolSpecification> specifications(ToolCatalog catalog) {
        return catalog.tools().stream().map(SdkServers::specification).toList();
    }

    private static SyncToolSpecification specification(ToolDefinition tool) {
        var annotations = new McpSchema.ToolAnnotations(null, tool.readOnly(), false, tool.readOnly(), false, null);
        McpSchema.Tool schema = new McpSchema.Tool(
                tool.name(),
                null,
                tool.description(),
                tool.inputSchema(),
                tool.outputSchema(),
                annotations,
                null,
                null);
        return new SyncToolSpecification(schema, (exchange, request) -> {
            var outcome = tool.handler().apply(request.arguments() == null ? Map.of() : request.arguments());
            return McpSchema.CallToolResult.builder()
                    .addTextContent(outcome.text())
                    .structuredContent(outcome.data())
                    .isError(outcome.error())
                    .build();
        });
    }
}
