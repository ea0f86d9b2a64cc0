package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    @Test
    void refusesAHumanOrAServiceInTheTokensFileNamingTheLineNotTheToken() throws IOException {
        String token = "t".repeat(40);
        Path tokens = tokens("agent:builder " + "b".repeat(40) + "\nhuman:alice " + token + "\n");
        var err = new StringWriter();
        int code = Countersign.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "mcp",
                "--repo",
                repo.toString(),
                "--http",
                "127.0.0.1:0",
                "--tokens",
                tokens.toString());
        assertThat(code).isEqualTo(Countersign.EXIT_NO);
        assertThat(err.toString())
                .contains("tokens line 2", "refusing to serve human:alice")
                .doesNotContain(token);
    }

    @Test
    void refusesANonLoopbackAddressWithoutTheFlag() throws IOException {
        Path tokens = tokens("agent:builder " + "b".repeat(40) + "\n");
        Path policy = Path.of("..", "samples", "demo", "policy.yaml");
        int init = Countersign.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "init",
                "--repo",
                repo.toString(),
                "--policy",
                policy.toString(),
                "--environment",
                Cli.STAGING);
        assertThat(init).isZero();
        var err = new StringWriter();
        int code = Countersign.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "mcp",
                "--repo",
                repo.toString(),
                "--http",
                "0.0.0.0:0",
                "--tokens",
                tokens.toString());
        assertThat(code).isEqualTo(Countersign.EXIT_NO);
        assertThat(err.toString()).contains("refusing to listen on 0.0.0.0", "not a loopback address");
    }

    @Test
    void needsEitherAnAgentOrATokensFile() throws IOException {
        Path tokens = tokens("agent:builder " + "b".repeat(40) + "\n");
        String[][] wrong = {
            {"mcp", "--repo", repo.toString()},
            {"mcp", "--repo", repo.toString(), "--http", "127.0.0.1:0"},
            {"mcp", "--repo", repo.toString(), "--http", "127.0.0.1:0", "--tokens", tokens.toString(), "--as", "agent:x"
            },
            {"mcp", "--repo", repo.toString(), "--http", "127.0.0.1:99999", "--tokens", tokens.toString()},
            {"mcp", "--repo", repo.toString(), "--as", "agent:x", "--tokens", tokens.toString()}
        };
        for (String[] args : wrong) {
            var err = new StringWriter();
            assertThat(Countersign.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args))
                    .as(String.join(" ", args))
                    .isEqualTo(Countersign.EXIT_NO);
            assertThat(err.toString()).as(String.join(" ", args)).contains("mcp");
        }
    }

    private Path tokens(String text) throws IOException {
        Path file = Files.writeString(repo.resolveSibling(repo.getFileName() + "-tokens"), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
