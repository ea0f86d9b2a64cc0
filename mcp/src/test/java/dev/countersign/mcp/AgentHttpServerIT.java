package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.mcp.internal.Fixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamable HTTP transport from an attacker's side, with raw HTTP: no token, a wrong token,
 * another scheme, a token in the query, and another agent's session id are all refused, and nothing
 * lands in the repository.
 */
class AgentHttpServerIT {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    private static final String PROPOSE = """
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"propose_stack_patch","arguments":\
            {"environment":"staging","stack":"web","rationale":"intrusion","patch":\
            [{"op":"replace","path":"/spec/components/1/helm/version","value":"9.9.9"}]}}}""";

    @TempDir
    Path repo;

    @TempDir
    Path config;

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpFixture tokens;

    @BeforeEach
    void repository() throws Exception {
        Fixture.repository(repo).close();
        tokens = new HttpFixture(config);
    }

    @Test
    void refusesEveryRequestWithoutAKnownBearerTokenAndNothingLands() throws Exception {
        try (GitOpsRepository opened = GitOpsRepository.open(repo);
                AgentHttpServer server = tokens.start(opened, "http://127.0.0.1:9")) {
            List<String> before = HttpFixture.refs(repo);
            URI uri = server.uri();
            HttpResponse<String> none = send(post(uri, PROPOSE).build());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            assertThat(send(post(uri, PROPOSE)
                                    .header("Authorization", "Bearer " + HttpFixture.token())
                                    .build())
                            .headers()
                            .firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
            assertThat(send(post(uri, PROPOSE)
                                    .header("Authorization", "Basic " + tokens.builder)
                                    .build())
                            .statusCode())
                    .isEqualTo(401);
            assertThat(send(post(URI.create(uri + "?access_token=" + tokens.builder), PROPOSE)
                                    .build())
                            .statusCode())
                    .isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(uri).GET().build()).statusCode())
                    .isEqualTo(401);
            assertThat(HttpFixture.refs(repo)).isEqualTo(before);
            assertThat(opened.proposals(null)).hasSize(1);
        }
    }

    @Test
    void refusesAnotherAgentsSessionAndNothingLands() throws Exception {
        try (GitOpsRepository opened = GitOpsRepository.open(repo);
                AgentHttpServer server = tokens.start(opened, "http://127.0.0.1:9")) {
            List<String> before = HttpFixture.refs(repo);
            HttpResponse<String> initialized = send(post(server.uri(), INITIALIZE)
                    .header("Authorization", "Bearer " + tokens.builder)
                    .build());
            assertThat(initialized.statusCode()).isEqualTo(200);
            String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
            HttpResponse<String> hijack = send(post(server.uri(), PROPOSE)
                    .header("Authorization", "Bearer " + tokens.helper)
                    .header("Mcp-Session-Id", session)
                    .header("MCP-Protocol-Version", "2025-06-18")
                    .build());
            assertThat(hijack.statusCode()).isEqualTo(404);
            assertThat(HttpFixture.refs(repo)).isEqualTo(before);
        }
    }

    @Test
    void refusesANonLoopbackAddressUnlessAllowed() {
        try (GitOpsRepository opened = GitOpsRepository.open(repo)) {
            var builder = AgentHttpServer.builder(opened, AgentTokens.read(tokens.file))
                    .address("0.0.0.0", 0);
            assertThatThrownBy(builder::start)
                    .isInstanceOf(McpException.class)
                    .hasMessageContaining("refusing to listen on 0.0.0.0: not a loopback address");
        }
    }

    @Test
    void namesItsAgentsButNoToken() {
        try (GitOpsRepository opened = GitOpsRepository.open(repo);
                AgentHttpServer server = tokens.start(opened, "http://127.0.0.1:9")) {
            assertThat(server.uri().toString()).startsWith("http://127.0.0.1:").endsWith("/mcp");
            assertThat(server.toString())
                    .contains("agent:builder", "agent:helper")
                    .doesNotContain(tokens.builder, tokens.helper);
        }
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
