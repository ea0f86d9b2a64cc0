package dev.countersign.render.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * An OCI chart: its repository ({@code oci://host[:port]/path}), its name and one exact version. Immutable.
 *
 * @param repository the repository, such as {@code oci://ghcr.io/acme/charts}
 * @param chart the chart name, a path segment of the repository
 * @param version the exact version, used as the OCI tag
 */
public record ChartCoordinates(String repository, String chart, String version) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    /**
     * Validates the coordinates.
     *
     * @param repository the repository, such as {@code oci://ghcr.io/acme/charts}
     * @param chart the chart name
     * @param version the exact version, used as the OCI tag
     * @throws IllegalArgumentException if the repository is not an {@code oci://} URL, or a name or the tag is
     *     not valid in the OCI distribution API
     */
    public ChartCoordinates {
        String name = name(uri(repository), chart);
        for (String segment : name.split("/", -1)) {
            if (!NAME.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid chart name '" + name + "' in repository '" + repository
                        + "': each path segment must match " + NAME.pattern());
            }
        }
        if (!TAG.matcher(version.replace('+', '_')).matches()) {
            throw new IllegalArgumentException("invalid chart version '" + version + "': not a valid OCI tag");
        }
    }

    /**
     * Returns the registry's host and port.
     *
     * @return for example {@code ghcr.io} or {@code 127.0.0.1:5000}
     */
    public String registry() {
        return uri(repository).getRawAuthority();
    }

    /**
     * Returns the repository name in the registry: the repository path and the chart.
     *
     * @return for example {@code acme/charts/podinfo}
     */
    public String name() {
        return name(uri(repository), chart);
    }

    private static String name(URI uri, String chart) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String prefix = path.replaceFirst("^/", "").replaceFirst("/$", "");
        return prefix.isEmpty() ? chart : prefix + "/" + chart;
    }

    /**
     * Returns the OCI tag of the version: Helm writes {@code +} as {@code _}.
     *
     * @return the tag
     */
    public String tag() {
        return version.replace('+', '_');
    }

    private static URI uri(String repository) {
        try {
            URI uri = new URI(repository);
            if (!"oci".equals(uri.getScheme()) || uri.getRawAuthority() == null || uri.getQuery() != null) {
                throw new IllegalArgumentException(
                        "invalid repository '" + repository + "': must be oci://host[:port]/path");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid repository '" + repository + "': " + e.getReason(), e);
        }
    }
}
