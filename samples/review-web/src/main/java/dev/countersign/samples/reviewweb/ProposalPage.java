package dev.countersign.samples.reviewweb;

import static dev.countersign.samples.reviewweb.Html.escape;

import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.Review;
import dev.countersign.gitops.content.ContentView;
import dev.countersign.gitops.content.VariableValue;
import dev.countersign.policy.ApprovalRule;
import dev.countersign.stack.StackDiff;
import dev.countersign.stack.StackFiles;
import dev.countersign.stack.ValueChange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The page of one proposal: what it changes, its deploy picture with waves, the blast radius, the
 * variables with their provenance, the secrets' status, the policy's decisions, and the review buttons
 * for a human. Every value from the proposal or its stacks is escaped.
 */
final class ProposalPage {
    private final Review review;
    private final Proposal proposal;
    private final ApprovalRule rule;
    private final Session session;
    private final ContentView content;

    ProposalPage(Review review, ContentView content, ApprovalRule rule, Session session) {
        this.review = review;
        this.content = content;
        this.proposal = review.proposal();
        this.rule = rule;
        this.session = session;
    }

    String body(@Nullable String notice) {
        return heading()
                + (notice == null ? "" : "<p class=\"notice\" id=\"notice\">" + escape(notice) + "</p>\n")
                + facts()
                + InsightSection.html(proposal)
                + picture()
                + diff()
                + ContentSection.html(content)
                + blastRadius()
                + variables()
                + secrets()
                + decision()
                + actions();
    }

    private String heading() {
        return "<h1>Proposal <code>" + escape(proposal.id()) + "</code> " + stateBadge(proposal) + "</h1>\n";
    }

    static String stateBadge(Proposal proposal) {
        String state = proposal.state().name();
        return "<span class=\"state state-" + state.toLowerCase(Locale.ROOT) + "\" id=\"state\">" + state + "</span>";
    }

    private String facts() {
        StringBuilder out = new StringBuilder("<dl class=\"facts\">\n");
        fact(out, "target", proposal.header().subject().describe());
        fact(out, "proposer", proposal.proposer().toString());
        fact(out, "rationale", proposal.rationale());
        if (!proposal.evidence().isEmpty()) {
            fact(out, "evidence", String.join(", ", proposal.evidence()));
        }
        fact(out, "base", proposal.baseCommit());
        fact(out, "draft", proposal.draftCommit());
        fact(out, "content hash", proposal.contentHash());
        fact(out, "proposed at", proposal.createdAt().toString());
        proposal.recorded().ifPresent(commit -> fact(out, "recorded commit", commit));
        return out.append("</dl>\n").toString();
    }

    private static void fact(StringBuilder out, String name, String value) {
        String id = name.replace(' ', '-');
        out.append("<dt>")
                .append(name)
                .append("</dt><dd id=\"fact-")
                .append(id)
                .append("\">")
                .append(escape(value))
                .append("</dd>\n");
    }

    private String picture() {
        StringBuilder out = new StringBuilder("<section id=\"picture\"><h2>Deploy order</h2>\n");
        if (review.dependencies().isEmpty()) {
            return out.append("<p>The proposed stack has no components.</p></section>\n")
                    .toString();
        }
        out.append("<div class=\"picture\">")
                .append(graph().toSvg(this::label))
                .append("</div>\n<ol class=\"waves\" start=\"0\">\n");
        for (List<String> wave : review.waves()) {
            out.append("<li>").append(escape(String.join(", ", wave))).append("</li>\n");
        }
        return out.append("</ol></section>\n").toString();
    }

    /** A node's label in the picture: its name, and what the proposal does to it when it does something. */
    private String label(String component) {
        return content.components().stream()
                .filter(diff -> diff.name().equals(component))
                .findFirst()
                .map(diff -> component + " (" + diff.change().label() + ")")
                .orElse(component);
    }

    private Dag<String> graph() {
        DagBuilder<String> builder = Dag.builder();
        builder.nodes(review.dependencies().keySet());
        builder.nodes(review.diff().removed());
        review.dependencies().forEach((name, needs) -> needs.forEach(need -> builder.dependsOn(name, need)));
        return builder.build();
    }

    private String diff() {
        StackDiff diff = review.diff();
        StringBuilder out = new StringBuilder("<section id=\"diff\"><h2>Diff against the recorded base</h2>\n");
        if (diff.isEmpty()) {
            return out.append("<p>No change.</p></section>\n").toString();
        }
        names(out, "added", diff.added());
        names(out, "removed", diff.removed());
        out.append("<table class=\"changes\"><tr><th>where</th><th>before</th><th>after</th></tr>\n");
        diff.changed().forEach((component, changes) -> changes.forEach(c -> change(out, component, c)));
        diff.variables().forEach(c -> change(out, "variables", c));
        return out.append("</table></section>\n").toString();
    }

    private static void names(StringBuilder out, String what, List<String> names) {
        if (!names.isEmpty()) {
            out.append("<p class=\"")
                    .append(what)
                    .append("\"><strong>")
                    .append(what)
                    .append("</strong> ")
                    .append(escape(String.join(", ", names)))
                    .append("</p>\n");
        }
    }

    private static void change(StringBuilder out, String component, ValueChange change) {
        out.append("<tr><td><code>")
                .append(escape(component + ":" + change.path()))
                .append("</code></td><td><code>")
                .append(escape(show(change.oldValue())))
                .append("</code></td><td><code>")
                .append(escape(show(change.newValue())))
                .append("</code></td></tr>\n");
    }

    private static String show(@Nullable Object value) {
        return value == null ? "(absent)" : StackFiles.toJson(value).strip();
    }

    private String blastRadius() {
        StringBuilder out = new StringBuilder("<section id=\"blast-radius\"><h2>Blast radius</h2>\n");
        if (review.blastRadius().isEmpty()) {
            return out.append("<p>Nothing is removed: no recorded component loses a dependency.</p></section>\n")
                    .toString();
        }
        out.append("<ul>\n");
        review.blastRadius()
                .forEach((removed, dependents) -> out.append("<li><code>")
                        .append(escape(removed))
                        .append("</code> is removed; depending on it: ")
                        .append(dependents.isEmpty() ? "nothing" : escape(String.join(", ", dependents)))
                        .append("</li>\n"));
        return out.append("</ul></section>\n").toString();
    }

    private String variables() {
        StringBuilder out =
                new StringBuilder("<section id=\"variables\"><h2>Variables and where they come from</h2>\n");
        if (content.variables().isEmpty()) {
            return out.append("<p>No variables are used.</p></section>\n").toString();
        }
        out.append("<table><tr><th>variable</th><th>supplied by</th><th>value</th><th>set in</th><th>used at</th>")
                .append("</tr>\n");
        for (VariableValue use : content.variables()) {
            out.append("<tr><td><code>")
                    .append(escape(use.variable()))
                    .append("</code></td><td>")
                    .append(escape(use.scope()))
                    .append("</td><td><code>")
                    .append(escape(ContentSection.value(use.value())))
                    .append("</code></td><td><code>")
                    .append(escape(use.source()))
                    .append("</code></td><td><code>")
                    .append(escape(use.location()))
                    .append("</code></td></tr>\n");
        }
        return out.append("</table></section>\n").toString();
    }

    private String secrets() {
        StringBuilder out = new StringBuilder("<section id=\"secrets\"><h2>Secrets and encryption</h2>\n");
        if (review.secrets().isEmpty() && review.secretValues().isEmpty()) {
            return out.append("<p>No secret values in this stack: nothing to encrypt.</p></section>\n")
                    .toString();
        }
        out.append("<p>Secret values are never shown, only whether each changed; values are SOPS-encrypted")
                .append(" before they reach Git.</p>\n<table><tr><th>secret</th><th>status</th></tr>\n");
        statusRows(out, review.secrets());
        statusRows(out, review.secretValues());
        return out.append("</table></section>\n").toString();
    }

    private static void statusRows(StringBuilder out, Map<String, String> statuses) {
        for (Map.Entry<String, String> secret : statuses.entrySet()) {
            out.append("<tr><td><code>")
                    .append(escape(secret.getKey()))
                    .append("</code></td><td>")
                    .append(escape(secret.getValue()))
                    .append("</td></tr>\n");
        }
    }

    private String decision() {
        StringBuilder out = new StringBuilder("<section id=\"decision\"><h2>Policy decision</h2>\n")
                .append("<p id=\"requirement\">")
                .append(escape(proposal.environment()))
                .append(" needs ")
                .append(rule.required())
                .append(" approval(s) from ")
                .append(escape(String.join(", ", new TreeSet<>(rule.from()))))
                .append("; valid approvals: ")
                .append(proposal.validApprovals().size())
                .append(".</p>\n");
        approvals(out);
        out.append("<table class=\"decisions\"><tr><th>action</th><th>by</th><th>verdict</th><th>rule</th>")
                .append("<th>reason</th><th>at</th></tr>\n");
        for (RecordedDecision d : proposal.decisions()) {
            out.append("<tr class=\"verdict-")
                    .append(escape(d.verdict()))
                    .append("\"><td>")
                    .append(escape(d.action()))
                    .append("</td><td>")
                    .append(escape(d.principal()))
                    .append("</td><td>")
                    .append(escape(d.verdict()))
                    .append("</td><td><code>")
                    .append(escape(d.rule()))
                    .append("</code></td><td>")
                    .append(escape(d.explanation()))
                    .append("</td><td>")
                    .append(escape(d.at().toString()))
                    .append("</td></tr>\n");
        }
        return out.append("</table></section>\n").toString();
    }

    private void approvals(StringBuilder out) {
        if (proposal.approvals().isEmpty()) {
            return;
        }
        out.append("<ul class=\"approvals\">\n");
        List<Countersignature> valid = proposal.validApprovals();
        for (Countersignature a : proposal.approvals()) {
            out.append("<li>approved by ")
                    .append(escape(a.approver().name()))
                    .append(" at ")
                    .append(escape(a.at().toString()))
                    .append(valid.contains(a) ? "" : " (void: the content or base changed since)")
                    .append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private String actions() {
        StringBuilder out = new StringBuilder("<section id=\"actions\"><h2>Review</h2>\n");
        if (!session.reviews()) {
            return out.append("<p class=\"agent\" id=\"no-review\">")
                    .append(escape(session.principal().toString()))
                    .append(" is not a human acting for itself: only humans review, so there is nothing to press"
                            + " here.</p></section>\n")
                    .toString();
        }
        switch (proposal.state()) {
            case PROPOSED ->
                out.append(rule.signed() ? signingCommands() : form("approve", "Approve", ""))
                        .append(form(
                                "reject",
                                "Reject",
                                "<label>reason <input name=\"reason\" required maxlength=\"500\"></label> "));
            case APPROVED -> out.append(form("record", "Record", ""));
            default ->
                out.append("<p>This proposal is ")
                        .append(proposal.state().name())
                        .append(": there is nothing left to review.</p>");
        }
        return out.append("</section>\n").toString();
    }

    /**
     * Where the environment requires signed approvals, the page cannot sign for the reviewer (no key is ever
     * handed to a web page): it shows the commands that sign the approval statement with the reviewer's own
     * key instead of an Approve button.
     */
    private String signingCommands() {
        String id = escape(proposal.id());
        String who = escape(session.principal().name());
        return "<div id=\"sign-to-approve\"><p>" + escape(proposal.environment())
                + " requires signed approvals: approve from your terminal with your registered key.</p>\n<pre>"
                + "countersign show --repo REPO " + id + " --statement --as " + who + " &gt; statement.txt\n"
                + "ssh-keygen -Y sign -n countersign -f ~/.ssh/id_ed25519 statement.txt\n"
                + "countersign approve --repo REPO " + id + " --as " + who + " --signature statement.txt.sig\n"
                + "</pre><p>or, with the key in your ssh-agent: <code>countersign approve --repo REPO " + id
                + " --as " + who + " --approver-key ssh-agent</code></p></div>\n";
    }

    private String form(String action, String label, String fields) {
        return "<form method=\"post\" action=\"/proposals/" + escape(proposal.id()) + "/" + action + "\" class=\""
                + action + "\">" + "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(session.csrfToken())
                + "\">" + fields + "<button type=\"submit\" id=\"" + action + "\">" + label + "</button></form>\n";
    }
}
