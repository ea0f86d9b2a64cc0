package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code countersign mcp --http} from the packaged jar: it serves, and refuses a request without a token. */
class McpHttpJarIT {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    @TempDir
    Path dir;

    @Test
    void servesStreamableHttpForTheTokensAgents() throws Exception {
        Path repo = dir.resolve("gitops");
        var init = CountersignJarIT.launch(
                CountersignJarIT.LAUNCHER,
                "init",
                "--repo",
                repo.toString(),
                "--policy",
                Path.of("..", "samples", "demo", "policy.yaml").toString(),
                "--environment",
                Cli.STAGING);
        assertThat(init.code()).as(init.err()).isZero();
        String token = "k".repeat(43);
        Path tokens = Files.writeString(dir.resolve("tokens"), "agent:builder " + token + "\n");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
        Process server = new ProcessBuilder(
                        CountersignJarIT.LAUNCHER.toString(),
                        "mcp",
                        "--repo",
                        repo.toString(),
                        "--http",
                        "127.0.0.1:0",
                        "--tokens",
                        tokens.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line)
                    .startsWith("serving MCP at http://127.0.0.1:")
                    .contains("[agent:builder]")
                    .doesNotContain(token);
            URI uri = URI.create(line.substring("serving MCP at ".length(), line.indexOf(" for ")));
            var http = HttpClient.newHttpClient();
            assertThat(http.send(initialize(uri).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> ok = http.send(
                    initialize(uri).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("countersign");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static HttpRequest.Builder initialize(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
    }
}
