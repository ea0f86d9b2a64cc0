package dev.countersign.mcp.internal;

import java.util.Map;

/**
 * What one tool call answers: a text for people and models, the same data as structured content, and
 * whether it is a denial or an invalid argument ({@code isError}).
 *
 * @param text the human-readable text (for proposing tools, the proposal id on the first line)
 * @param data the structured content, matching the tool's output schema unless {@code error}
 * @param error true for a denial or an argument the model can correct
 */
public record Outcome(String text, Map<String, Object> data, boolean error) {
    /**
     * Copies the data.
     *
     * @param text see the record component
     * @param data see the record component
     * @param error see the record component
     */
    public Outcome {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /**
     * A successful result.
     *
     * @param text the text
     * @param data the structured content
     * @return the outcome
     */
    public static Outcome ok(String text, Map<String, Object> data) {
        return new Outcome(text, data, false);
    }

    /**
     * A denial or a correctable mistake, with the deciding rule.
     *
     * @param rule the rule or check that refused
     * @param message why, never echoing a secret value
     * @return the outcome
     */
    public static Outcome refused(String rule, String message) {
        return new Outcome("refused by " + rule + ": " + message, Map.of("rule", rule, "reason", message), true);
    }
}
