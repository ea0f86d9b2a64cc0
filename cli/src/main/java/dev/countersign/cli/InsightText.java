package dev.countersign.cli;

import dev.countersign.gitops.Insight;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a proposal's insight as review lines and as a plain value tree (for JSON), and documents its file. */
final class InsightText {
    /** The description of the {@code --insight FILE} option of the commands that propose. */
    static final String OPTION = "An insight file (YAML or JSON): the observation the change answers, shown on the"
            + " review: summary, confidence (0..1) and evidence, a list of metric, window (30m, 6h, 7d) and values."
            + " See docs/cli.md.";

    /** The most values a text line shows of one piece of evidence: the latest ones. */
    static final int SHOWN_VALUES = 12;

    private InsightText() {}

    static List<String> lines(Insight insight) {
        List<String> lines = new ArrayList<>();
        lines.add("insight   " + insight.summary() + " (confidence "
                + String.format(Locale.ROOT, "%.2f", insight.confidence()) + ")");
        insight.evidence()
                .forEach(e -> lines.add("evidence  " + e.metric() + " over " + e.windowText() + ": " + values(e)));
        return lines;
    }

    static Map<String, Object> tree(Insight insight) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("summary", insight.summary());
        tree.put("confidence", insight.confidence());
        tree.put("evidence", insight.evidence().stream().map(InsightText::tree).toList());
        return tree;
    }

    private static Map<String, Object> tree(Insight.Evidence evidence) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("metric", evidence.metric());
        tree.put("window", evidence.windowText());
        tree.put("values", evidence.values());
        return tree;
    }

    /** The values in time order; of a long series the latest {@value #SHOWN_VALUES}, saying how many there are. */
    static String values(Insight.Evidence evidence) {
        List<Double> values = evidence.values();
        int from = Math.max(0, values.size() - SHOWN_VALUES);
        String shown = values.subList(from, values.size()).stream()
                .map(InsightText::number)
                .collect(Collectors.joining(", "));
        return from == 0 ? shown : "... " + shown + " (the latest " + SHOWN_VALUES + " of " + values.size() + ")";
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
