package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Helm chart release: chart coordinates, target namespace and values. Immutable.
 *
 * <p>String fields may hold variable references; they are validated strictly once rendered.
 *
 * @param repository the chart repository URL ({@code https://}, {@code http://} or {@code oci://})
 * @param chart the chart name
 * @param version the chart version
 * @param namespace the namespace to install into, a DNS-1123 label
 * @param values the chart values, a plain value tree; {@link NullValue#NULL} (or a Java {@code null}) deletes a
 *     chart default, as Helm's {@code key: null} does
 * @param digest the {@code sha256:} digest of the chart's OCI manifest the approval binds, or {@code null}
 */
public record HelmSource(
        String repository,
        String chart,
        String version,
        String namespace,
        Map<String, Object> values,
        @Nullable String digest)
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
     * @param digest the {@code sha256:} digest of the chart's OCI manifest, or {@code null}
     * @throws FloatingVersionException if the version is not one exact SemVer 2.0 version
     * @throws InvalidStackException if another field breaks a rule
     */
    public HelmSource {
        checkRepository(repository);
        checkChart(chart);
        checkVersion(version);
        checkDigest(digest);
        Names.namespace(namespace);
        values = Values.freezeMapWithNulls(values, "/helm/values");
    }

    /**
     * Creates a source without a digest.
     *
     * @param repository the chart repository URL ({@code https://}, {@code http://} or {@code oci://})
     * @param chart the chart name
     * @param version the chart version, one exact SemVer 2.0 version
     * @param namespace the namespace to install into, a DNS-1123 label
     * @param values the chart values, a plain value tree
     * @throws FloatingVersionException if the version is not one exact SemVer 2.0 version
     * @throws InvalidStackException if another field breaks a rule
     */
    public HelmSource(String repository, String chart, String version, String namespace, Map<String, Object> values) {
        this(repository, chart, version, namespace, values, null);
    }

    /**
     * Returns a copy that pins the chart's OCI manifest digest.
     *
     * @param pinned {@code sha256:} followed by 64 lower-case hex digits
     * @return the pinned source
     * @throws InvalidStackException if the digest is malformed
     */
    public HelmSource withDigest(String pinned) {
        return new HelmSource(repository, chart, version, namespace, values, pinned);
    }

    static HelmSource fromTree(Fields fields) {
        fields.only(Set.of("repository", "chart", "version", "namespace", "values", "digest"));
        Object version = fields.has("version") ? fields.map().get("version") : fields.string("version");
        return new HelmSource(
                fields.string("repository"),
                fields.string("chart"),
                version instanceof String text ? text : floating(version),
                fields.string("namespace"),
                fields.mapWithNulls("values"),
                fields.has("digest") ? fields.string("digest") : null);
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
        if (digest != null) {
            tree.put("digest", digest);
        }
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
        return "HelmSource[" + repository + " " + chart + "@" + version + (digest == null ? "" : " " + digest) + " -> "
                + namespace + ", values=" + values.keySet() + "]";
    }

    /** A version written as something other than a string (a number, a map) is never one exact version. */
    private static String floating(@Nullable Object version) {
        throw new FloatingVersionException("/helm/version", "", version == null ? "" : String.valueOf(version));
    }

    private static void checkVersion(String version) {
        if (!Template.isTemplated(version) && !ChartVersion.isExact(version)) {
            throw new FloatingVersionException("/helm/version", "", version);
        }
    }

    private static void checkDigest(@Nullable String digest) {
        if (digest != null && !ChartVersion.DIGEST.matcher(digest).matches()) {
            throw new InvalidStackException(
                    "/helm/digest",
                    "digest " + ChartVersion.quote(digest) + " must be sha256: followed by 64 lower-case hex digits");
        }
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
