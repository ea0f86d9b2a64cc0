/** The tools of the MCP server: schemas, argument checks, JSON Patch, rate limit, result views. */
@NullMarked
package dev.countersign.mcp.internal;

import org.jspecify.annotations.NullMarked;
