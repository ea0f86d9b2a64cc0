package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.mcp.AgentServer;
import dev.countersign.mcp.McpException;
import dev.countersign.policy.Principal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code countersign mcp}: serve the agent's MCP tools (read and propose, never approve) over stdio. */
@Command(
        name = "mcp",
        description = "Serve MCP tools to an agent over stdio: read and propose; a human approves elsewhere.",
        mixinStandardHelpOptions = true)
final class McpCommand implements Callable<Integer> {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--as", required = true, paramLabel = "agent:NAME", description = "The agent principal served.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Option(
            names = "--review-url",
            paramLabel = "URL",
            description = "The review page's base URL, named in every proposal result (default: ${DEFAULT-VALUE}).")
    String reviewUrl = "http://127.0.0.1:8080";

    @Override
    public Integer call() {
        Principal agent = Principal.parse(as);
        if (agent.kind() != Principal.Kind.AGENT) {
            throw new CommandFailure("refusing to serve " + agent + ": the MCP server is for agent principals only");
        }
        try (GitOpsRepository repo = repository.open()) {
            AgentServer server = AgentServer.create(repo, agent, reviewUrl, Clock.systemUTC());
            server.serveStdio(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
        } catch (McpException e) {
            throw new CommandFailure(String.valueOf(e.getMessage()), e);
        }
        return 0;
    }
}
