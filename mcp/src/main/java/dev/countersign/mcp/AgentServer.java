package dev.countersign.mcp;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.mcp.internal.AgentTools;
import dev.countersign.mcp.internal.EndOfInput;
import dev.countersign.mcp.internal.PolicyCheck;
import dev.countersign.mcp.internal.ProposalRate;
import dev.countersign.mcp.internal.SdkServers;
import dev.countersign.mcp.internal.ToolCatalog;
import dev.countersign.mcp.internal.ToolDefinition;
import dev.countersign.policy.Principal;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Countersign's MCP server for one agent principal: tools that read and propose, none that approves,
 * rejects, records, unprotects, changes policy or reads a secret. The principal comes from
 * configuration only, never from a tool argument. Every proposal result names the review page where a
 * human approves. Thread-safe.
 */
public final class AgentServer {
    /** Proposals one principal may make in {@link #RATE_WINDOW}. */
    public static final int RATE_LIMIT = 30;

    /** The sliding window of the proposal rate limit. */
    public static final Duration RATE_WINDOW = Duration.ofHours(1);

    private final ToolCatalog catalog;

    private AgentServer(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Creates the server for an agent.
     *
     * @param repository the GitOps repository the agent proposes to
     * @param agent the agent principal (possibly acting for a human)
     * @param reviewUrl the review page's base URL, where a human approves
     * @param clock the time of policy decisions and of the rate limit
     * @return the server
     * @throws McpException if the principal is a human or a service: this door is for agents only
     */
    public static AgentServer create(GitOpsRepository repository, Principal agent, String reviewUrl, Clock clock) {
        if (agent.kind() != Principal.Kind.AGENT) {
            throw new McpException("refusing to serve " + agent + ": the MCP server is for agent principals only");
        }
        var rate = new ProposalRate(RATE_LIMIT, RATE_WINDOW, clock);
        var tools = new AgentTools(repository, agent, new PolicyCheck(repository, clock), rate, reviewUrl);
        return new AgentServer(new ToolCatalog(tools));
    }

    /**
     * Lists the names of the tools this server offers.
     *
     * @return the names, in a stable order
     */
    public List<String> toolNames() {
        return catalog.tools().stream().map(ToolDefinition::name).toList();
    }

    /**
     * Serves MCP over a pair of streams (newline-delimited JSON-RPC, as over stdio) until the input ends.
     *
     * @param in the client's messages
     * @param out the server's messages
     * @throws McpException if interrupted while serving, or if the client sent a line longer than 2 MiB (the
     *     session ends there, before the line is read whole)
     */
    public void serveStdio(InputStream in, OutputStream out) {
        var input = new EndOfInput(in);
        McpSyncServer server =
                SdkServers.serve(new StdioServerTransportProvider(SdkServers.MAPPER, input, out), catalog);
        try {
            input.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpException("interrupted while serving", e);
        } finally {
            server.closeGracefully();
        }
        if (input.overlong()) {
            throw new McpException("the client sent a message line longer than " + EndOfInput.MAX_LINE_BYTES
                    + " bytes; the session was ended before it was read");
        }
    }
}
