package dev.countersign.mcp;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.time.Clock;

/** The server as a child process for the ITs: {@code REPO PRINCIPAL REVIEW_URL}, MCP over stdio. */
public final class StdioServerMain {
    private StdioServerMain() {}

    /**
     * Serves until standard input ends.
     *
     * @param args the repository, the agent principal and the review page's URL
     */
    public static void main(String[] args) {
        try (GitOpsRepository repo = GitOpsRepository.open(Path.of(args[0]))) {
            AgentServer.create(repo, Principal.parse(args[1]), args[2], Clock.systemUTC())
                    .serveStdio(System.in, System.out);
        }
    }
}
