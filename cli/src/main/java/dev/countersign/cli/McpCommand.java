package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.mcp.AgentHttpServer;
import dev.countersign.mcp.AgentServer;
import dev.countersign.mcp.AgentTokens;
import dev.countersign.mcp.McpException;
import dev.countersign.policy.Principal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code countersign mcp}: serve the agent's MCP tools (read and propose, never approve) over stdio for
 * one agent, or over streamable HTTP for the agents of a tokens file.
 */
@Command(
        name = "mcp",
        description = {
            "Serve MCP tools to an agent: read and propose; a human approves elsewhere.",
            "Over stdio for one agent (--as), or over streamable HTTP (--http, --tokens) for the agents of a"
                    + " tokens file, one 'agent:NAME TOKEN' a line."
        },
        mixinStandardHelpOptions = true)
final class McpCommand implements Callable<Integer> {
    @Mixin
    RemoteRepositoryOption repository = new RemoteRepositoryOption();

    @Option(names = "--as", paramLabel = "agent:NAME", description = "The agent principal served over stdio.")
    @Nullable
    String as;

    @Option(
            names = "--http",
            paramLabel = "HOST:PORT",
            description = "Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio (port 0: a free one).")
    @Nullable
    String http;

    @Option(
            names = "--tokens",
            paramLabel = "FILE",
            description = "With --http: the bearer tokens, one 'agent:NAME TOKEN' a line (mode 600).")
    @Nullable
    Path tokens;

    @Option(
            names = "--allow-non-loopback",
            description = "With --http: allow a non-loopback HOST (put a TLS proxy in front; tokens are bearer).")
    boolean allowNonLoopback;

    @Option(
            names = "--review-url",
            paramLabel = "URL",
            description = "The review page's base URL, named in every proposal result (default: ${DEFAULT-VALUE}).")
    String reviewUrl = "http://127.0.0.1:8080";

    @Override
    public Integer call() {
        try {
            if (http != null) {
                return serveHttp(http);
            }
            return serveStdio();
        } catch (McpException e) {
            throw new CommandFailure(String.valueOf(e.getMessage()), e);
        }
    }

    private int serveStdio() {
        if (as == null || tokens != null || allowNonLoopback) {
            throw new CommandFailure("mcp: give --as agent:NAME for stdio, or --http HOST:PORT --tokens FILE");
        }
        Principal agent = Principal.parse(as);
        if (agent.kind() != Principal.Kind.AGENT) {
            throw new CommandFailure("refusing to serve " + agent + ": the MCP server is for agent principals only");
        }
        try (GitOpsRepository repo = repository.open()) {
            AgentServer server = AgentServer.create(repo, agent, reviewUrl, Clock.systemUTC());
            server.serveStdio(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
        }
        return 0;
    }

    private int serveHttp(String address) {
        if (as != null || tokens == null) {
            throw new CommandFailure(
                    "mcp --http: give --tokens FILE (the agent comes from each request's token," + " not from --as)");
        }
        int colon = address.lastIndexOf(':');
        if (colon < 1) {
            throw new CommandFailure("mcp --http: expected HOST:PORT, got '" + address + "'");
        }
        String host = host(address.substring(0, colon));
        int port = port(address.substring(colon + 1));
        AgentTokens agents = AgentTokens.read(tokens);
        try (GitOpsRepository repo = repository.open();
                AgentHttpServer server = AgentHttpServer.builder(repo, agents)
                        .address(host, port)
                        .allowNonLoopback(allowNonLoopback)
                        .reviewUrl(reviewUrl)
                        .start()) {
            repository.out().println("serving MCP at " + server.uri() + " for " + agents.agents());
            repository.out().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "countersign-mcp-stop"));
            server.awaitClose();
        }
        return 0;
    }

    private static String host(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 0 && number <= 65_535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandFailure("mcp --http: invalid port '" + port + "': must be 0..65535");
    }
}
