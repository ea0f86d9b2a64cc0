package dev.countersign.gitops.content;

import dev.countersign.gitops.ChartChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Exactly what a reviewer approves in a proposal, as one value model for text, JSON, YAML and review pages: the
 * components as YAML hunks, the diff of every file the record writes, the secrets by fingerprint, the variables
 * with their values and provenance, the chart changes and the blast radius. It never holds a secret value. A
 * policy or environment change has files only. Immutable.
 *
 * @param proposal the proposal's id
 * @param subject {@code stack}, {@code environment} or {@code policy}
 * @param environment the environment the proposal changes (empty for a policy change)
 * @param stack the stack it changes (empty unless the subject is a stack)
 * @param components the components added, changed and removed, in the proposed order then the removed ones
 * @param files every file the record writes or removes, by path
 * @param secrets every secret variable recorded or proposed, by name
 * @param variables every variable use in the proposed stack, in document order
 * @param charts every Helm chart recorded or proposed, by component
 * @param blastRadius every changed or removed component with what depends on it, by component
 */
public record ContentView(
        String proposal,
        String subject,
        String environment,
        String stack,
        List<ComponentDiff> components,
        List<FileDiff> files,
        List<SecretDiff> secrets,
        List<VariableValue> variables,
        List<ChartChange> charts,
        List<Impact> blastRadius) {
    /** The version of the JSON form, {@link #toTree()}'s {@code schema}; raised when a field changes meaning. */
    public static final String SCHEMA = "countersign.dev/content/v1";

    /**
     * Copies the lists.
     *
     * @param proposal see the record component
     * @param subject see the record component
     * @param environment see the record component
     * @param stack see the record component
     * @param components see the record component
     * @param files see the record component
     * @param secrets see the record component
     * @param variables see the record component
     * @param charts see the record component
     * @param blastRadius see the record component
     */
    public ContentView {
        components = List.copyOf(components);
        files = List.copyOf(files);
        secrets = List.copyOf(secrets);
        variables = List.copyOf(variables);
        charts = List.copyOf(charts);
        blastRadius = List.copyOf(blastRadius);
    }

    /**
     * Returns the charts whose version or digest the proposal changes, adds or removes.
     *
     * @return the charts, by component, without the unchanged ones
     */
    public List<ChartChange> chartChanges() {
        return charts.stream()
                .filter(chart -> !chart.status().equals("unchanged"))
                .toList();
    }

    /**
     * Returns the view as a plain tree with sorted keys, the stable JSON form documented in {@code
     * docs/show-json.md}: {@code schema}, {@code proposal}, {@code subject}, {@code environment}, {@code stack},
     * {@code components}, {@code files}, {@code secrets}, {@code variables}, {@code charts}, {@code blastRadius}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("schema", SCHEMA);
        tree.put("proposal", proposal);
        tree.put("subject", subject);
        tree.put("environment", environment);
        tree.put("stack", stack);
        tree.put("components", components.stream().map(ComponentDiff::toTree).toList());
        tree.put("files", files.stream().map(FileDiff::toTree).toList());
        tree.put("secrets", secrets.stream().map(SecretDiff::toTree).toList());
        tree.put("variables", variables.stream().map(VariableValue::toTree).toList());
        tree.put("charts", charts.stream().map(ContentView::chart).toList());
        tree.put("blastRadius", blastRadius.stream().map(Impact::toTree).toList());
        return tree;
    }

    private static Map<String, Object> chart(ChartChange chart) {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("component", chart.component());
        tree.put("repository", chart.repository());
        tree.put("chart", chart.chart());
        tree.put("change", chart.status());
        tree.put("before", side(chart.versionBefore(), chart.digestBefore()));
        tree.put("after", side(chart.versionAfter(), chart.digestAfter()));
        tree.put("otherBytesUnderSameVersion", chart.otherBytesUnderSameVersion());
        return tree;
    }

    private static Map<String, Object> side(@Nullable String version, @Nullable String digest) {
        Map<String, Object> side = new LinkedHashMap<>();
        if (digest != null) {
            side.put("digest", digest);
        }
        if (version != null) {
            side.put("version", version);
        }
        return side;
    }
}
