package dev.countersign.gitops.internal;

import dev.countersign.gitops.Insight;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The form of an {@link Insight} in {@code proposal.json}: the window as ISO-8601 text. Reading it back checks the
 * insight's rules again, since whoever can push to the proposal refs writes these bytes.
 *
 * @param summary what was observed and what it suggests
 * @param evidence the measurements backing it
 * @param confidence how sure the observer is, from 0 to 1
 */
record InsightJson(String summary, List<EvidenceJson> evidence, double confidence) {

    /**
     * One measurement as written.
     *
     * @param metric the metric
     * @param window the span the values cover, ISO-8601 ({@code PT6H})
     * @param values the values, oldest first
     */
    record EvidenceJson(String metric, String window, List<Double> values) {}

    static @Nullable InsightJson of(@Nullable Insight insight) {
        return insight == null
                ? null
                : new InsightJson(
                        insight.summary(),
                        insight.evidence().stream()
                                .map(e ->
                                        new EvidenceJson(e.metric(), e.window().toString(), e.values()))
                                .toList(),
                        insight.confidence());
    }

    static @Nullable Insight insight(@Nullable InsightJson json) {
        return json == null ? null : json.insight();
    }

    private Insight insight() {
        return new Insight(
                summary,
                evidence.stream()
                        .map(e -> new Insight.Evidence(e.metric(), Duration.parse(e.window()), e.values()))
                        .toList(),
                confidence);
    }
}
