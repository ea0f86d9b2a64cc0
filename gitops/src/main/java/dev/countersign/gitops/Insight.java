package dev.countersign.gitops;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An observation a host's monitoring turns into a proposal: what it saw ("add a node because retention pressure is
 * climbing"), the numbers that back it, and how sure it is. The change it suggests is the proposal that carries it
 * ({@link ProposalRequest#insight(Insight)}, {@link Proposer#proposeEnvironment(dev.countersign.stack.Environment,
 * String, List, Insight)}); the insight is shown on the review and kept in the proposal's metadata, and changes
 * nothing about who may approve: an agent that files it is an agent and never approves or records it.
 *
 * <pre>{@code
 * Insight insight = Insight.of(
 *         "add a node: memory pressure on the workers is climbing",
 *         List.of(new Insight.Evidence("node_memory_working_set_ratio{pool=\"workers\"}",
 *                 Duration.ofHours(6), List.of(0.71, 0.78, 0.86))),
 *         0.8);
 * }</pre>
 *
 * <p>An insight is stored in plain text in the proposal metadata and shown to everyone who reviews: it is no place
 * for a secret value. Immutable and thread-safe.
 *
 * @param summary what was observed and what it suggests: one line of at most {@value #MAX_SUMMARY} characters
 * @param evidence the measurements backing it: 1 to {@value #MAX_EVIDENCE}
 * @param confidence how sure the observer is, from 0 to 1
 */
public record Insight(String summary, List<Evidence> evidence, double confidence) {
    /** The most characters of a summary: {@value}. */
    public static final int MAX_SUMMARY = 500;

    /** The most pieces of evidence of one insight: {@value}. */
    public static final int MAX_EVIDENCE = 20;

    /**
     * Checks the parts and copies the evidence.
     *
     * @param summary see the record component
     * @param evidence see the record component
     * @param confidence see the record component
     * @throws InvalidInsightException naming the field and the rule it breaks
     */
    public Insight {
        summary = InsightChecks.line("summary", summary, MAX_SUMMARY);
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        InsightChecks.count("evidence", evidence.size(), MAX_EVIDENCE);
        InsightChecks.fraction("confidence", confidence);
    }

    /**
     * Returns an insight.
     *
     * @param summary what was observed and what it suggests
     * @param evidence the measurements backing it
     * @param confidence how sure the observer is, from 0 to 1
     * @return the insight
     * @throws InvalidInsightException naming the field and the rule it breaks
     */
    public static Insight of(String summary, List<Evidence> evidence, double confidence) {
        return new Insight(summary, evidence, confidence);
    }

    /**
     * Reads an insight file: YAML (or JSON) with {@code summary}, {@code confidence} and {@code evidence}, a list of
     * {@code metric}, {@code window} ({@code 30m}, {@code 6h}, {@code 7d}, {@code 1w} or ISO-8601 such as {@code
     * PT6H}) and {@code values} (numbers). See {@code docs/gitops.md}.
     *
     * @param yaml the file's text
     * @param source where the text comes from, for messages
     * @return the insight
     * @throws InvalidInsightException if the text is not valid YAML or not a valid insight, naming the field
     */
    public static Insight parse(String yaml, String source) {
        return InsightFile.parse(yaml, source);
    }

    /**
     * One measurement backing an insight: a metric, the window it was observed over, and its values in time order.
     * Immutable.
     *
     * @param metric the metric as the monitoring names it, for example a PromQL selector; one line of at most
     *     {@value #MAX_METRIC} characters
     * @param window the span the values cover; positive
     * @param values the observed values, oldest first: 1 to {@value #MAX_VALUES} finite numbers
     */
    public record Evidence(String metric, Duration window, List<Double> values) {
        /** The most characters of a metric: {@value}. */
        public static final int MAX_METRIC = 200;

        /** The most values of one piece of evidence: {@value}. */
        public static final int MAX_VALUES = 1000;

        /**
         * Checks the parts and copies the values.
         *
         * @param metric see the record component
         * @param window see the record component
         * @param values see the record component
         * @throws InvalidInsightException naming the field and the rule it breaks
         */
        public Evidence {
            metric = InsightChecks.line("metric", metric, MAX_METRIC);
            InsightChecks.positive("window", Objects.requireNonNull(window, "window"));
            values = List.copyOf(Objects.requireNonNull(values, "values"));
            InsightChecks.count("values", values.size(), MAX_VALUES);
            InsightChecks.finite("values", values);
        }

        /**
         * Returns the window as people write it: {@code 6h}, {@code 30m}, {@code 7d}, or ISO-8601 when it is no
         * whole number of one unit.
         *
         * @return the window's text, which {@link Insight#parse(String, String)} reads back
         */
        public String windowText() {
            return InsightChecks.windowText(window);
        }
    }
}
