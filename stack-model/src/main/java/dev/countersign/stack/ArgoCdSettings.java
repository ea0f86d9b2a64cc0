package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Argo CD options of an environment ({@code spec.argocd} in its file): versioned with the environment,
 * so the same recorded commit always renders the same files. Immutable.
 *
 * @param repoURL the URL Argo CD clones the repository from (required)
 * @param targetRevision the branch, tag or commit Argo CD follows, such as {@code main}
 * @param project the Argo CD {@code AppProject} every Application belongs to
 * @param destinationServer the API server URL of the environment's cluster, as registered in Argo CD
 */
public record ArgoCdSettings(String repoURL, String targetRevision, String project, String destinationServer) {
    private static final Set<String> KEYS = Set.of("repoURL", "targetRevision", "project", "destinationServer");
    private static final String IN_CLUSTER = "https://kubernetes.default.svc";

    /**
     * Validates the settings.
     *
     * @param repoURL the URL Argo CD clones the repository from
     * @param targetRevision the branch, tag or commit Argo CD follows
     * @param project the Argo CD {@code AppProject}, a DNS-1123 label
     * @param destinationServer the API server URL of the environment's cluster
     * @throws InvalidStackException if a value is blank or the project is not a DNS-1123 label
     */
    public ArgoCdSettings {
        notBlank("repoURL", repoURL);
        notBlank("targetRevision", targetRevision);
        notBlank("destinationServer", destinationServer);
        Names.label("Argo CD project", project);
    }

    /**
     * Returns settings for a repository URL, following {@code HEAD} in project {@code default} on the cluster
     * Argo CD runs in.
     *
     * @param repoURL the URL Argo CD clones the repository from
     * @return the settings
     * @throws InvalidStackException if the URL is blank
     */
    public static ArgoCdSettings of(String repoURL) {
        return new ArgoCdSettings(repoURL, "HEAD", "default", IN_CLUSTER);
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("repoURL", repoURL);
        tree.put("targetRevision", targetRevision);
        tree.put("project", project);
        tree.put("destinationServer", destinationServer);
        return tree;
    }

    static ArgoCdSettings fromFields(Fields fields) {
        fields.only(KEYS);
        if (!fields.has("repoURL")) {
            throw new InvalidStackException(
                    "/spec/argocd", "missing required field 'repoURL': the URL Argo CD clones the repository from");
        }
        return new ArgoCdSettings(
                fields.string("repoURL"),
                FluxSettings.optional(fields, "targetRevision", "HEAD"),
                FluxSettings.optional(fields, "project", "default"),
                FluxSettings.optional(fields, "destinationServer", IN_CLUSTER));
    }

    private static void notBlank(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidStackException("/spec/argocd/" + field, "'" + field + "' must not be blank");
        }
    }
}
