package dev.countersign.mcp.internal;

import dev.countersign.policy.Principal;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The servlet in front of the MCP endpoint: it authenticates the request's bearer token and hands the
 * request to the token's agent's own MCP endpoint, or answers 401 with {@code WWW-Authenticate:
 * Bearer}. The agent comes from the token alone; each agent's endpoint has its own MCP sessions, so a
 * session id taken from another agent is unknown there. Tokens are never logged. Thread-safe.
 */
public final class BearerGate extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String SCHEME = "bearer ";

    private final transient Function<String, Optional<Principal>> tokens;
    private final transient Map<Principal, HttpServlet> endpoints;

    /**
     * Creates the gate.
     *
     * @param tokens finds the agent of a presented token
     * @param endpoints each agent's MCP endpoint
     */
    public BearerGate(Function<String, Optional<Principal>> tokens, Map<Principal, HttpServlet> endpoints) {
        this.tokens = tokens;
        this.endpoints = Map.copyOf(endpoints);
    }

    @Override
    public void init() throws ServletException {
        for (HttpServlet endpoint : endpoints.values()) {
            endpoint.init(getServletConfig());
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<HttpServlet> endpoint =
                presented(request.getHeader("Authorization")).flatMap(tokens).map(endpoints::get);
        if (endpoint.isEmpty()) {
            unauthorized(response, request.getHeader("Authorization") != null);
            return;
        }
        endpoint.get().service((jakarta.servlet.ServletRequest) request, response);
    }

    private static Optional<String> presented(String header) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).strip());
    }

    private static void unauthorized(HttpServletResponse response, boolean presented) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(
                "WWW-Authenticate",
                presented ? "Bearer realm=\"countersign\", error=\"invalid_token\"" : "Bearer realm=\"countersign\"");
        response.setContentType("application/json");
        response.getOutputStream()
                .write("{\"error\":\"unauthorized\",\"error_description\":\"a valid bearer token is required\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }
}
