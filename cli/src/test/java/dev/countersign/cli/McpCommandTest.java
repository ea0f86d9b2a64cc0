package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpCommandTest {
    @TempDir
    Path repo;

    @Test
    void refusesToServeAHumanOrAService() {
        for (String who : new String[] {"human:alice", "service:ci"}) {
            var out = new StringWriter();
            var err = new StringWriter();
            int code = Countersign.run(
                    new PrintWriter(out), new PrintWriter(err), "mcp", "--repo", repo.toString(), "--as", who);
            assertThat(code).isEqualTo(Countersign.EXIT_NO);
            assertThat(err.toString()).contains("refusing to serve " + who, "agent principals only");
            assertThat(out.toString()).isEmpty();
        }
    }
}
