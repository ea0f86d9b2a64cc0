package dev.countersign.mcp.internal;

import java.util.Map;
import java.util.function.Function;

/**
 * One tool: its name, description, input and output JSON Schemas, whether it only reads, and its handler.
 *
 * @param name the tool's name (snake_case)
 * @param description what it does, for the model
 * @param inputSchema the JSON Schema of its arguments
 * @param outputSchema the JSON Schema of its structured content
 * @param readOnly true for a read: {@code readOnlyHint: true}; proposals are {@code destructiveHint: false}
 * @param handler answers a call's raw arguments; never throws for a denial or a bad argument
 */
public record ToolDefinition(
        String name,
        String description,
        Map<String, Object> inputSchema,
        Map<String, Object> outputSchema,
        boolean readOnly,
        Function<Map<String, Object>, Outcome> handler) {}
