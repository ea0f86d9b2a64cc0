package dev.countersign.render;

import java.util.regex.Pattern;

/**
 * Options of the Argo CD renderer. Immutable.
 *
 * @param repoUrl the URL Argo CD clones this repository from
 * @param targetRevision the branch, tag or commit Argo CD follows, such as {@code main}
 * @param project the Argo CD {@code AppProject} every Application belongs to
 * @param destinationServer the API server URL of the environment's cluster, as registered in Argo CD
 */
public record ArgoCdOptions(String repoUrl, String targetRevision, String project, String destinationServer) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Validates the options.
     *
     * @param repoUrl the URL Argo CD clones this repository from
     * @param targetRevision the branch, tag or commit Argo CD follows
     * @param project the Argo CD {@code AppProject} every Application belongs to
     * @param destinationServer the API server URL of the environment's cluster
     * @throws RenderException if a value is blank or the project is not a DNS-1123 label
     */
    public ArgoCdOptions {
        notBlank("repoUrl", repoUrl);
        notBlank("targetRevision", targetRevision);
        notBlank("destinationServer", destinationServer);
        if (!NAME.matcher(project).matches()) {
            throw new RenderException("invalid Argo CD project '" + project + "': must be a DNS-1123 label");
        }
    }

    /**
     * Returns options for a repository, following {@code HEAD} in project {@code default} on the
     * cluster Argo CD runs in ({@code https://kubernetes.default.svc}).
     *
     * @param repoUrl the URL Argo CD clones this repository from
     * @return the options
     * @throws RenderException if the URL is blank
     */
    public static ArgoCdOptions of(String repoUrl) {
        return new ArgoCdOptions(repoUrl, "HEAD", "default", "https://kubernetes.default.svc");
    }

    private static void notBlank(String field, String value) {
        if (value.isBlank()) {
            throw new RenderException("Argo CD option " + field + " must not be blank");
        }
    }
}
