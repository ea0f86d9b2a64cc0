package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTokensTest {
    private static final String A = "a".repeat(40);
    private static final String B = "B-._~+/=".repeat(5);

    @TempDir
    Path dir;

    @Test
    void mapsEachTokenToItsAgent() {
        var tokens = AgentTokens.parse("# comment\n\nagent:builder " + A + "\r\n  agent:helper\t" + B + "  \n");
        assertThat(tokens.agent(A)).contains(Principal.agent("builder"));
        assertThat(tokens.agent(B)).contains(Principal.agent("helper"));
        assertThat(tokens.agents()).containsExactly(Principal.agent("builder"), Principal.agent("helper"));
    }

    @Test
    void findsNoAgentForAnUnknownEmptyOrPrefixToken() {
        var tokens = AgentTokens.parse("agent:builder " + A);
        assertThat(tokens.agent("")).isEmpty();
        assertThat(tokens.agent(A.substring(1))).isEmpty();
        assertThat(tokens.agent(A + "a")).isEmpty();
        assertThat(tokens.agent(A.toUpperCase(java.util.Locale.ROOT))).isEmpty();
    }

    @Test
    void refusesAHumanOrAServiceNamingTheLineNotTheToken() {
        for (String who : new String[] {"human:alice", "service:ci"}) {
            assertThatThrownBy(() -> AgentTokens.parse("agent:builder " + B + "\n" + who + " " + A))
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("tokens line 2", "refusing to serve " + who, "agent principals only")
                    .message()
                    .doesNotContain(A);
        }
    }

    @Test
    void refusesMalformedLinesWithoutEchoingTheToken() {
        assertThatThrownBy(() -> AgentTokens.parse(A + " agent:builder"))
                .hasMessageContaining("the principal first")
                .message()
                .doesNotContain(A);
        assertThatThrownBy(() -> AgentTokens.parse("agent:builder short")).hasMessageContaining("32 to 512");
        assertThatThrownBy(() -> AgentTokens.parse("agent:builder " + A + " extra"))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> AgentTokens.parse("agent:builder " + A + "\nagent:helper " + A))
                .hasMessageContaining("line 2", "repeats")
                .message()
                .doesNotContain(A);
        assertThatThrownBy(() -> AgentTokens.parse("# nothing\n")).hasMessageContaining("no token");
    }

    @Test
    void neverShowsATokenInToString() {
        assertThat(AgentTokens.parse("agent:builder " + A).toString())
                .contains("1 tokens", "agent:builder")
                .doesNotContain(A);
    }

    @Test
    void refusesAFileOthersCanRead() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "agent:builder " + A + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AgentTokens.read(file)).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(AgentTokens.read(file).agent(A)).contains(Principal.agent("builder"));
    }
}
