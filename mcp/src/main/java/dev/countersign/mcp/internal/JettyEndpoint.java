package dev.countersign.mcp.internal;

import dev.countersign.mcp.McpException;
import dev.countersign.policy.Principal;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The streamable HTTP endpoint {@code /mcp} on embedded Jetty: a {@link BearerGate} in front of one
 * MCP Java SDK server per agent, each on its own streamable HTTP transport. Closing stops Jetty and the
 * MCP servers. Thread-safe.
 */
public final class JettyEndpoint implements AutoCloseable {
    /** The path of the MCP endpoint. */
    public static final String PATH = "/mcp";

    /** The largest request body accepted, in bytes: the tools' argument limit with room for JSON-RPC. */
    private static final int MAX_REQUEST = 2 * Arguments.MAX_CHARS;

    private final Server jetty;
    private final List<McpSyncServer> servers;
    private final URI uri;

    private JettyEndpoint(Server jetty, List<McpSyncServer> servers, URI uri) {
        this.jetty = jetty;
        this.servers = List.copyOf(servers);
        this.uri = uri;
    }

    /**
     * Starts the endpoint.
     *
     * @param address where to listen (port 0 picks a free port)
     * @param tokens finds the agent of a presented token
     * @param catalogs each agent's tools
     * @return the running endpoint
     * @throws McpException if Jetty cannot start, for example when the port is taken
     */
    public static JettyEndpoint start(
            InetSocketAddress address,
            Function<String, Optional<Principal>> tokens,
            Map<Principal, ToolCatalog> catalogs) {
        var servers = new ArrayList<McpSyncServer>();
        var endpoints = new LinkedHashMap<Principal, HttpServlet>();
        catalogs.forEach((agent, catalog) -> {
            var transport = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(SdkServers.MAPPER)
                    .mcpEndpoint(PATH)
                    .maxRequestSize(MAX_REQUEST)
                    .build();
            servers.add(SdkServers.serve(transport, catalog));
            endpoints.put(agent, transport);
        });
        Server jetty = jetty(address, new BearerGate(tokens, endpoints));
        try {
            jetty.start();
        } catch (Exception e) {
            servers.forEach(McpSyncServer::close);
            throw new McpException("cannot serve MCP at " + address + ": " + e.getMessage(), e);
        }
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        String host = address.getAddress().getHostAddress();
        String authority = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        return new JettyEndpoint(jetty, servers, URI.create("http://" + authority + PATH));
    }

    private static Server jetty(InetSocketAddress address, BearerGate gate) {
        var jetty = new Server();
        var config = new HttpConfiguration();
        config.setSendServerVersion(false);
        var connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        jetty.addConnector(connector);
        var context = new ServletContextHandler();
        context.setContextPath("/");
        var holder = new ServletHolder(gate);
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH);
        jetty.setHandler(context);
        jetty.setStopTimeout(2_000);
        return jetty;
    }

    /**
     * The endpoint's address.
     *
     * @return the URI of {@code /mcp}
     */
    public URI uri() {
        return uri;
    }

    /**
     * Waits until the endpoint stops.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        servers.forEach(McpSyncServer::closeGracefully);
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new McpException("cannot stop the MCP endpoint at " + uri, e);
        }
    }
}
