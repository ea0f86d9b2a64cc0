/** An MCP server for agents: read and propose tools over stdio or streamable HTTP, and no approve verb. */
@NullMarked
package dev.countersign.mcp;

import org.jspecify.annotations.NullMarked;
