package dev.countersign.cli;

import dev.countersign.gitops.ChartChange;
import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.ComponentDiff;
import dev.countersign.gitops.content.ContentView;
import dev.countersign.gitops.content.DiffLine;
import dev.countersign.gitops.content.FileDiff;
import dev.countersign.gitops.content.Hunk;
import dev.countersign.gitops.content.Impact;
import dev.countersign.gitops.content.SecretDiff;
import dev.countersign.gitops.content.VariableValue;
import dev.countersign.stack.StackFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a proposal's {@link ContentView} as text lines in the {@code show} style: a ten-column label, then the
 * component and file hunks in unified {@code + / -} form (coloured by the palette), secrets by fingerprint,
 * variables with value and provenance, chart changes and the blast radius.
 */
final class ContentText {
    static final String INDENT = "          ";

    private final Palette palette;
    private final List<String> lines = new ArrayList<>();

    private ContentText(Palette palette) {
        this.palette = palette;
    }

    /** The lines of the components, variables, charts, secrets and blast radius of a stack change. */
    static List<String> stack(ContentView view, Palette palette) {
        ContentText text = new ContentText(palette);
        view.components().forEach(text::component);
        view.variables().forEach(text::variable);
        view.charts().forEach(text::chart);
        view.secrets().forEach(text::secret);
        view.blastRadius().forEach(text::impact);
        return text.lines;
    }

    /** The lines of every file the record writes: text files as hunks, encrypted files by digest. */
    static List<String> files(ContentView view, Palette palette) {
        ContentText text = new ContentText(palette);
        view.files().forEach(text::file);
        return text.lines;
    }

    private void component(ComponentDiff diff) {
        lines.add(palette.change(
                diff.change(), "component " + diff.name() + " (" + diff.change().label() + ")"));
        diff.hunks().forEach(this::hunk);
    }

    private void file(FileDiff file) {
        String head = "file      " + file.path() + " (" + file.change().label();
        if (file instanceof FileDiff.Encrypted sealed) {
            lines.add(palette.change(file.change(), head + ", sops-encrypted, content never shown)"));
            lines.add(INDENT + "digest " + side(sealed.digestBefore()) + " -> " + side(sealed.digestAfter()));
        } else {
            lines.add(palette.change(file.change(), head + ")"));
            ((FileDiff.Text) file).hunks().forEach(this::hunk);
        }
    }

    private void hunk(Hunk hunk) {
        lines.add(INDENT + palette.hunk(hunk.header()));
        for (DiffLine line : hunk.lines()) {
            lines.add(INDENT + palette.line(line.kind(), line.unified()));
        }
    }

    private void variable(VariableValue use) {
        String where = " from " + use.scope() + " (" + use.source() + ") at " + use.location();
        Object value = use.value();
        if (value instanceof Map || value instanceof List) {
            lines.add("variable  " + use.variable() + where + ":");
            StackFiles.toYaml(List.of(value)).lines().forEach(line -> lines.add(INDENT + "  " + line));
        } else {
            lines.add("variable  " + use.variable() + " = " + scalar(use) + where);
        }
    }

    private static String scalar(VariableValue use) {
        return use.secret()
                ? VariableValue.REDACTED
                : StackFiles.toJson(use.value()).strip();
    }

    private void chart(ChartChange chart) {
        lines.add(palette.change(Change.of(chart.status()), "chart     " + chart.describe()));
    }

    private void secret(SecretDiff secret) {
        String never = secret.change() == Change.REMOVED ? "" : " (value sops-encrypted, never shown)";
        lines.add(palette.change(
                secret.change(),
                "secret    " + secret.name() + " " + secret.change().label() + never));
        lines.add(INDENT + "fingerprint " + fingerprints(secret));
    }

    private static String fingerprints(SecretDiff secret) {
        String before = secret.fingerprintBefore();
        String after = secret.fingerprintAfter();
        if (before == null || after == null || before.equals(after)) {
            return side(after == null ? before : after);
        }
        return before + " -> " + after;
    }

    private void impact(Impact impact) {
        String dependents = impact.dependents().isEmpty()
                ? "nothing depends on it"
                : String.join(", ", impact.dependents()) + (impact.dependents().size() == 1 ? " depends" : " depend")
                        + " on it";
        lines.add(palette.change(
                impact.change(),
                "blast     " + impact.component() + " (" + impact.change().label() + "): " + dependents));
    }

    private static String side(@Nullable String value) {
        return value == null ? "(none)" : value;
    }
}
