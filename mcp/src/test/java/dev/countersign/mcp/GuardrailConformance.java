package dev.countersign.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guardrail conformance check anyone can point at an MCP server command (stdio): no approve-like
 * tool; every read tool annotated {@code readOnlyHint: true}; no tool result over a scripted session
 * contains a planted secret (offered only at secret places: a stack's secret values, a patch's value at a
 * secret place); identity arguments are ignored. Returns the violations found.
 *
 * <p>Run it: {@code java -cp TEST_CLASSPATH dev.countersign.mcp.GuardrailConformance SECRET -- COMMAND ARGS...};
 * exit 0 when conformant, 1 with one violation a line otherwise.
 */
public final class GuardrailConformance {
    static final Pattern APPROVE_LIKE = Pattern.compile(
            "(?i).*(approve|reject|merge|apply|record|confirm|unprotect|set_policy|change_policy|update_policy"
                    + "|read_secret|get_secret|reveal).*");
    static final Pattern READ_NAME = Pattern.compile("(?i)(get|list|read|show|describe|validate|plan|check|search)_.*");
    static final String VICTIM = "human:conformance-victim";
    static final List<String> IDENTITY_ARGUMENTS =
            List.of("as", "principal", "user", "actor", "on_behalf_of", "approver");

    private GuardrailConformance() {}

    /**
     * Runs the checks.
     *
     * @param command the server command and its arguments
     * @param secret a secret value planted in the server's data (and offered by the session at secret places)
     * @return the violations, empty when the server conforms
     */
    public static List<String> check(List<String> command, String secret) {
        var params = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build();
        var transport = new StdioClientTransport(
                params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            return check(client, secret);
        }
    }

    private static List<String> check(McpSyncClient client, String secret) {
        var violations = new ArrayList<String>();
        List<McpSchema.Tool> tools = client.listTools().tools();
        for (McpSchema.Tool tool : tools) {
            if (APPROVE_LIKE.matcher(tool.name()).matches()) {
                violations.add("approve-like tool: " + tool.name());
            }
            boolean readOnly = tool.annotations() != null
                    && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
            if (READ_NAME.matcher(tool.name()).matches() && !readOnly) {
                violations.add("read tool without readOnlyHint: true: " + tool.name());
            }
        }
        for (McpSchema.Tool tool : tools) {
            String result = call(client, tool, secret);
            if (result.contains(secret)) {
                violations.add("planted secret in the result of " + tool.name());
            }
            if (result.contains(VICTIM)) {
                violations.add("identity argument taken as identity by " + tool.name());
            }
        }
        return violations;
    }

    private static String call(McpSyncClient client, McpSchema.Tool tool, String secret) {
        var args = new LinkedHashMap<String, Object>();
        Object properties =
                tool.inputSchema() == null ? null : tool.inputSchema().get("properties");
        if (properties instanceof Map<?, ?> map) {
            map.forEach((name, schema) -> args.put(String.valueOf(name), value(String.valueOf(name), schema, secret)));
        }
        IDENTITY_ARGUMENTS.forEach(name -> args.put(name, VICTIM));
        try {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool.name(), args));
            return String.valueOf(result.content()) + result.structuredContent();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static Object value(String name, Object schema, String secret) {
        boolean array = schema instanceof Map<?, ?> m && "array".equals(m.get("type"));
        if (array) {
            return List.of(
                    Map.of("op", "add", "path", "/spec/components/0/secrets", "value", List.of("/password")),
                    Map.of("op", "add", "path", "/spec/components/0/helm/values/password", "value", secret));
        }
        return switch (name) {
            case "environment" -> "staging";
            case "stack" -> stack(secret);
            default -> "conformance";
        };
    }

    private static String stack(String secret) {
        return """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                             namespace: web, values: {password: "%s"}}
                      secrets: [/password]
                """.formatted(secret);
    }

    /**
     * Runs the check from the command line.
     *
     * @param args {@code SECRET -- COMMAND ARGS...}
     */
    public static void main(String[] args) {
        int dashes = Arrays.asList(args).indexOf("--");
        List<String> violations = check(Arrays.asList(args).subList(dashes + 1, args.length), args[0]);
        violations.forEach(System.out::println);
        System.exit(violations.isEmpty() ? 0 : 1);
    }
}
