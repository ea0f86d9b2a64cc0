package dev.countersign.samples.reviewweb;

import static dev.countersign.samples.reviewweb.Html.escape;

import dev.countersign.gitops.ChartChange;
import dev.countersign.gitops.content.ComponentDiff;
import dev.countersign.gitops.content.ContentView;
import dev.countersign.gitops.content.DiffLine;
import dev.countersign.gitops.content.FileDiff;
import dev.countersign.gitops.content.Hunk;
import dev.countersign.gitops.content.Impact;
import dev.countersign.gitops.content.SecretDiff;
import dev.countersign.stack.StackFiles;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sections of the proposal page drawn from its {@link ContentView}: every component's YAML diff and every
 * file the record writes, each collapsible and highlighted on the server (no script, no CDN), the chart changes,
 * the secrets by fingerprint and the blast radius of each changed or removed component. Everything is escaped.
 */
final class ContentSection {
    /** A YAML mapping key at the start of a line, after indentation and an optional list dash. */
    private static final Pattern KEY = Pattern.compile("^(\\s*(?:- )?)([^\\s#:'\"][^:]*?|\"[^\"]*\"):(\\s|$)(.*)$");

    private ContentSection() {}

    static String html(ContentView view) {
        return components(view) + files(view) + charts(view) + secrets(view) + impacts(view);
    }

    private static String components(ContentView view) {
        if (view.components().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"components\"><h2>Components as YAML</h2>\n");
        for (ComponentDiff diff : view.components()) {
            details(
                    out,
                    "component-" + diff.name(),
                    diff.change().label(),
                    "<code>" + escape(diff.name()) + "</code> " + diff.change().label(),
                    diff.hunks());
        }
        return out.append("</section>\n").toString();
    }

    private static String files(ContentView view) {
        StringBuilder out = new StringBuilder("<section id=\"files\"><h2>Files the record writes</h2>\n");
        if (view.files().isEmpty()) {
            return out.append("<p>The record writes no file.</p></section>\n").toString();
        }
        for (FileDiff file : view.files()) {
            String summary =
                    "<code>" + escape(file.path()) + "</code> " + file.change().label();
            if (file instanceof FileDiff.Encrypted sealed) {
                out.append("<details class=\"file change-")
                        .append(file.change().label())
                        .append("\"><summary>")
                        .append(summary)
                        .append(", sops-encrypted</summary><p class=\"encrypted\">Content never shown; SHA-256 ")
                        .append(escape(side(sealed.digestBefore())))
                        .append(" &rarr; ")
                        .append(escape(side(sealed.digestAfter())))
                        .append("</p></details>\n");
            } else {
                details(out, "file-" + file.path(), file.change().label(), summary, ((FileDiff.Text) file).hunks());
            }
        }
        return out.append("</section>\n").toString();
    }

    private static void details(StringBuilder out, String id, String change, String summary, List<Hunk> hunks) {
        out.append("<details class=\"diff change-")
                .append(change)
                .append("\" id=\"")
                .append(escape(id))
                .append("\" open><summary>")
                .append(summary)
                .append("</summary><pre class=\"diff\">");
        for (Hunk hunk : hunks) {
            out.append("<span class=\"hunk\">").append(escape(hunk.header())).append("</span>\n");
            hunk.lines().forEach(line -> line(out, line));
        }
        out.append("</pre></details>\n");
    }

    private static void line(StringBuilder out, DiffLine line) {
        String kind = line.kind().name().toLowerCase(java.util.Locale.ROOT);
        out.append("<span class=\"line ")
                .append(kind)
                .append("\">")
                .append(line.kind().mark())
                .append(highlighted(line.text()))
                .append("</span>\n");
    }

    /** The YAML line escaped, its mapping key marked for the style sheet. */
    static String highlighted(String text) {
        Matcher key = KEY.matcher(text);
        if (!key.matches()) {
            return escape(text);
        }
        return escape(key.group(1)) + "<span class=\"k\">" + escape(key.group(2)) + "</span>:" + escape(key.group(3))
                + "<span class=\"v\">" + escape(key.group(4)) + "</span>";
    }

    private static String charts(ContentView view) {
        List<ChartChange> changes = view.chartChanges();
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"charts\"><h2>Chart versions and digests</h2>\n")
                .append(
                        "<table><tr><th>component</th><th>chart</th><th>before</th><th>after</th><th>change</th></tr>\n");
        for (ChartChange chart : changes) {
            out.append("<tr><td><code>")
                    .append(escape(chart.component()))
                    .append("</code></td><td><code>")
                    .append(escape(chart.repository() + " " + chart.chart()))
                    .append("</code></td><td><code>")
                    .append(escape(version(chart.versionBefore(), chart.digestBefore())))
                    .append("</code></td><td><code>")
                    .append(escape(version(chart.versionAfter(), chart.digestAfter())))
                    .append("</code></td><td>")
                    .append(escape(chart.status()))
                    .append("</td></tr>\n");
        }
        return out.append("</table></section>\n").toString();
    }

    private static String secrets(ContentView view) {
        if (view.secrets().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(
                        "<section id=\"secret-fingerprints\"><h2>Secret values by fingerprint</h2>")
                .append("\n<table><tr><th>secret</th><th>change</th><th>fingerprint before</th>")
                .append("<th>fingerprint after</th></tr>\n");
        for (SecretDiff secret : view.secrets()) {
            out.append("<tr><td><code>")
                    .append(escape(secret.name()))
                    .append("</code></td><td>")
                    .append(secret.change().label())
                    .append("</td><td><code>")
                    .append(escape(side(secret.fingerprintBefore())))
                    .append("</code></td><td><code>")
                    .append(escape(side(secret.fingerprintAfter())))
                    .append("</code></td></tr>\n");
        }
        return out.append("</table></section>\n").toString();
    }

    private static String impacts(ContentView view) {
        if (view.blastRadius().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"impact\"><h2>What depends on what changes</h2>\n<ul>\n");
        for (Impact impact : view.blastRadius()) {
            out.append("<li class=\"change-")
                    .append(impact.change().label())
                    .append("\"><code>")
                    .append(escape(impact.component()))
                    .append("</code> is ")
                    .append(impact.change().label())
                    .append("; depending on it: ")
                    .append(impact.dependents().isEmpty() ? "nothing" : escape(String.join(", ", impact.dependents())))
                    .append("</li>\n");
        }
        return out.append("</ul></section>\n").toString();
    }

    /** A variable's value as the page shows it: text as is, anything else as JSON. */
    static String value(Object value) {
        return value instanceof String text ? text : StackFiles.toJson(value).strip();
    }

    private static String version(@Nullable String version, @Nullable String digest) {
        if (version == null) {
            return "none";
        }
        return digest == null ? version : version + " (" + digest + ")";
    }

    private static String side(@Nullable String value) {
        return value == null ? "(none)" : value;
    }
}
