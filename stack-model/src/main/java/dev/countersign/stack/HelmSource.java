package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Helm chart release: chart coordinates, target namespace and values. Immutable.
 *
 * <p>String fields may hold variable references; they are validated strictly once rendered.
 *
 * @param repository the chart repository URL ({@code https://}, {@code http://} or {@code oci://})
 * @param chart the chart name
 * @param version the chart version
 * @param namespace the namespace to install into, a DNS-1123 label
 * @param values the chart values, a plain value tree
 */
public record HelmSource(String repository, String chart, String version, String namespace, Map<String, Object> values)
        implements ComponentSource {
    static final String KEY = "helm";
    private static final List<String> SCHEMES = List.of("https://", "http://", "oci://");

    /**
     * Validates and copies the fields.
     *
     * @param repository the chart repository URL ({@code https://}, {@code http://} or {@code oci://})
     * @param chart the chart name
     * @param version the chart version
     * @param namespace the namespace to install into, a DNS-1123 label
     * @param values the chart values, a plain value tree
     * @throws InvalidStackException if a field breaks a rule
     */
    public HelmSource {
        checkRepository(repository);
        checkChart(chart);
        if (version.isBlank()) {
            throw new InvalidStackException("/helm/version", "chart version must not be blank");
        }
        Names.namespace(namespace);
        values = Values.freezeMap(values, "/helm/values");
    }

    static HelmSource fromTree(Fields fields) {
        fields.only(Set.of("repository", "chart", "version", "namespace", "values"));
        return new HelmSource(
                fields.string("repository"),
                fields.string("chart"),
                fields.string("version"),
                fields.string("namespace"),
                fields.map("values"));
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Object toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("repository", repository);
        tree.put("chart", chart);
        tree.put("version", version);
        tree.put("namespace", namespace);
        if (!values.isEmpty()) {
            tree.put("values", values);
        }
        return java.util.Collections.unmodifiableMap(tree);
    }

    @Override
    public String secretsBase() {
        return "/values";
    }

    @Override
    public List<String> inherentSecrets() {
        return List.of();
    }

    @Override
    public String toString() {
        return "HelmSource[" + repository + " " + chart + "@" + version + " -> " + namespace + ", values="
                + values.keySet() + "]";
    }

    private static void checkRepository(String repository) {
        if (!Template.isTemplated(repository) && SCHEMES.stream().noneMatch(repository::startsWith)) {
            throw new InvalidStackException(
                    "/helm/repository",
                    "repository '" + Excerpt.of(repository)
                            + "' has a scheme that is not allowed (allowed: https, http, oci)");
        }
    }

    private static void checkChart(String chart) {
        if (chart.isBlank() || chart.contains("..") || chart.contains("/") || chart.contains("\\")) {
            throw new InvalidNameException("chart name", chart, "must not be blank or contain '..', '/' or '\\'");
        }
    }
}
