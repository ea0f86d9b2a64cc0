package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentServerTest {
    @TempDir
    Path directory;

    @Test
    void refusesHumansAndServicesAtStartUp() {
        try (GitOpsRepository repo = GitOpsRepository.open(directory)) {
            for (Principal p : new Principal[] {Principal.human("alice"), Principal.service("ci")}) {
                assertThatThrownBy(() -> AgentServer.create(repo, p, "http://127.0.0.1:1", Clock.systemUTC()))
                        .isInstanceOf(McpException.class)
                        .hasMessageContaining("agent principals only");
            }
            assertThat(AgentServer.create(repo, Principal.agent("builder"), "http://127.0.0.1:1", Clock.systemUTC())
                            .toolNames())
                    .contains("propose_stack_patch")
                    .doesNotContain("approve");
        }
    }
}
