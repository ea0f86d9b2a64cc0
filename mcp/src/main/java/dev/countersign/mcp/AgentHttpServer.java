package dev.countersign.mcp;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.mcp.internal.AgentTools;
import dev.countersign.mcp.internal.JettyEndpoint;
import dev.countersign.mcp.internal.PolicyCheck;
import dev.countersign.mcp.internal.ProposalRate;
import dev.countersign.mcp.internal.ToolCatalog;
import dev.countersign.policy.Principal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Countersign's MCP server over streamable HTTP, for the agents of an {@link AgentTokens} file: each
 * request's bearer token names its agent, and a request without a known token is answered 401. The
 * agent comes only from the token, never from a tool argument; each agent has its own MCP sessions and
 * its own proposal rate limit. It listens on a loopback address unless told otherwise. Thread-safe;
 * closing stops it.
 */
public final class AgentHttpServer implements AutoCloseable {
    private final JettyEndpoint endpoint;
    private final AgentTokens tokens;

    private AgentHttpServer(JettyEndpoint endpoint, AgentTokens tokens) {
        this.endpoint = endpoint;
        this.tokens = tokens;
    }

    /**
     * Starts building a server.
     *
     * @param repository the GitOps repository the agents propose to
     * @param tokens the bearer tokens and their agents
     * @return the builder, listening on 127.0.0.1 at a free port until told otherwise
     */
    public static Builder builder(GitOpsRepository repository, AgentTokens tokens) {
        return new Builder(repository, tokens);
    }

    /**
     * The MCP endpoint's address, {@code http://HOST:PORT/mcp}.
     *
     * @return the URI
     */
    public URI uri() {
        return endpoint.uri();
    }

    /** {@return the agents served, one line of the report a host prints at start-up; never a token} */
    @Override
    public String toString() {
        return "AgentHttpServer[" + uri() + " for " + tokens.agents() + "]";
    }

    /**
     * Blocks until the server is closed (by another thread or at shutdown).
     *
     * @throws McpException if interrupted while waiting
     */
    public void awaitClose() {
        try {
            endpoint.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpException("interrupted while serving", e);
        }
    }

    /**
     * Stops serving and closes the agents' MCP sessions.
     *
     * @throws McpException if the HTTP server cannot stop
     */
    @Override
    public void close() {
        endpoint.close();
    }

    /** Options of an {@link AgentHttpServer}; not thread-safe. */
    public static final class Builder {
        private final GitOpsRepository repository;
        private final AgentTokens tokens;
        private String host = "127.0.0.1";
        private int port;
        private boolean allowNonLoopback;
        private String reviewUrl = "http://127.0.0.1:8080";
        private Clock clock = Clock.systemUTC();

        Builder(GitOpsRepository repository, AgentTokens tokens) {
            this.repository = repository;
            this.tokens = tokens;
        }

        /**
         * Sets where to listen.
         *
         * @param host an IP address or host name; a loopback address unless {@link #allowNonLoopback}
         * @param port the port, 0 for a free one
         * @return this builder
         * @throws IllegalArgumentException if the port is outside 0..65535
         */
        public Builder address(String host, int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("invalid port " + port + ": must be 0..65535");
            }
            this.host = host;
            this.port = port;
            return this;
        }

        /**
         * Allows listening on an address other than loopback. Tokens then cross a network in plain
         * HTTP unless a TLS proxy stands in front: off by default.
         *
         * @param allow whether a non-loopback address is allowed
         * @return this builder
         */
        public Builder allowNonLoopback(boolean allow) {
            this.allowNonLoopback = allow;
            return this;
        }

        /**
         * Sets the review page's base URL, named in every proposal result.
         *
         * @param url the URL (default {@code http://127.0.0.1:8080})
         * @return this builder
         */
        public Builder reviewUrl(String url) {
            this.reviewUrl = url;
            return this;
        }

        /**
         * Sets the clock of policy decisions and of the rate limit.
         *
         * @param clock the clock (default the system's, in UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server
         * @throws McpException if the address is not loopback and that was not allowed, cannot be
         *     resolved, or cannot be listened on
         */
        public AgentHttpServer start() {
            InetSocketAddress address = new InetSocketAddress(resolve(), port);
            var rate = new ProposalRate(AgentServer.RATE_LIMIT, AgentServer.RATE_WINDOW, clock);
            var policy = new PolicyCheck(repository, clock);
            Map<Principal, ToolCatalog> catalogs = new LinkedHashMap<>();
            for (Principal agent : tokens.agents()) {
                catalogs.put(agent, new ToolCatalog(new AgentTools(repository, agent, policy, rate, reviewUrl)));
            }
            return new AgentHttpServer(JettyEndpoint.start(address, tokens::agent, catalogs), tokens);
        }

        private InetAddress resolve() {
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new McpException("cannot resolve the MCP server's host '" + host + "'", e);
            }
            if (!address.isLoopbackAddress() && !allowNonLoopback) {
                throw new McpException("refusing to listen on " + host + ": not a loopback address (tokens would"
                        + " cross the network in plain HTTP); allow it explicitly, behind a TLS proxy");
            }
            return address;
        }
    }
}
