/**
 * The agent's door to Countersign: a Model Context Protocol server whose tools read and propose, and
 * never approve. The MCP Java SDK ships automatic modules, required here by their manifest names.
 */
module dev.countersign.mcp {
    requires static org.jspecify;
    requires transitive dev.countersign.gitops;
    requires dev.countersign.limits;
    requires io.modelcontextprotocol.sdk.mcp.core;
    requires io.modelcontextprotocol.sdk.mcp.json.jackson3;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires jakarta.servlet;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.ee11.servlet;

    exports dev.countersign.mcp;
}
