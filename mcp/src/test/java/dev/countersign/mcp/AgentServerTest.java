package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Principal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    @Test
    void endsTheSessionOnALineThatNeverEndsInsteadOfBufferingIt() {
        byte[] initialize = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n")
                .getBytes(StandardCharsets.UTF_8);
        InputStream hostile = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < initialize.length ? initialize[(int) position++] : 'a';
            }
        };
        var out = new ByteArrayOutputStream();
        try (GitOpsRepository repo = GitOpsRepository.open(directory)) {
            AgentServer server =
                    AgentServer.create(repo, Principal.agent("builder"), "http://127.0.0.1:1", Clock.systemUTC());

            assertThatThrownBy(() -> server.serveStdio(hostile, out))
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("longer than 2097152 bytes")
                    .hasMessageNotContaining("aaaa");
        }
    }
}
