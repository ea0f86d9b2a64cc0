package dev.countersign.samples.reviewweb;

import static dev.countersign.samples.reviewweb.Html.escape;

import dev.countersign.gitops.Insight;
import dev.countersign.gitops.Proposal;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The section of a proposal page that shows the observation the proposal answers, if its proposer filed one: the
 * summary, the confidence, and each piece of evidence with its metric, window and values. Every value is escaped; an
 * insight is a claim of its proposer, shown beside the change, and approves nothing.
 */
final class InsightSection {
    private InsightSection() {}

    static String html(Proposal proposal) {
        return proposal.insight().map(InsightSection::section).orElse("");
    }

    private static String section(Insight insight) {
        StringBuilder out = new StringBuilder("<section id=\"insight\"><h2>Insight</h2>\n")
                .append("<p id=\"insight-summary\">")
                .append(escape(insight.summary()))
                .append(" <span class=\"confidence\">(confidence ")
                .append(String.format(Locale.ROOT, "%.2f", insight.confidence()))
                .append(")</span></p>\n")
                .append("<table class=\"evidence\"><tr><th>metric</th><th>window</th><th>values, oldest first</th>")
                .append("</tr>\n");
        for (Insight.Evidence evidence : insight.evidence()) {
            out.append("<tr><td><code>")
                    .append(escape(evidence.metric()))
                    .append("</code></td><td>")
                    .append(escape(evidence.windowText()))
                    .append("</td><td>")
                    .append(escape(values(evidence)))
                    .append("</td></tr>\n");
        }
        return out.append("</table></section>\n").toString();
    }

    private static String values(Insight.Evidence evidence) {
        return evidence.values().stream()
                .map(value -> BigDecimal.valueOf(value).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
