package dev.countersign.render;

import java.util.regex.Pattern;

/**
 * Options of the Argo CD renderer. Immutable.
 *
 * @param repoUrl the URL Argo CD clones this repository from
 * @param targetRevision the branch, tag or commit Argo CD follows, such as {@code main}
 * @param project the Argo CD {@code AppProject} every Application belongs to
 * @param destinationServer the API server URL of the environment's cluster, as registered in Argo CD
 * @param recordingKeys the recorder's public keys; when it has key ids, the project's
 *     {@code signatureKeys} patch is rendered; {@link RecordingKeys#none()} writes nothing about it
 */
public record ArgoCdOptions(
        String repoUrl, String targetRevision, String project, String destinationServer, RecordingKeys recordingKeys) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Validates the options.
     *
     * @param repoUrl the URL Argo CD clones this repository from
     * @param targetRevision the branch, tag or commit Argo CD follows
     * @param project the Argo CD {@code AppProject} every Application belongs to
     * @param destinationServer the API server URL of the environment's cluster
     * @param recordingKeys the recorder's public keys
     * @throws RenderException if a value is blank, the project is not a DNS-1123 label, or the recording
     *     keys hold armored keys but no key id (Argo CD names signature keys by their long key id)
     */
    public ArgoCdOptions {
        notBlank("repoUrl", repoUrl);
        notBlank("targetRevision", targetRevision);
        notBlank("destinationServer", destinationServer);
        if (!NAME.matcher(project).matches()) {
            throw new RenderException("invalid Argo CD project '" + project + "': must be a DNS-1123 label");
        }
        if (recordingKeys.keyIds().isEmpty() && !recordingKeys.armoredKeys().isEmpty()) {
            throw new InvalidRecordingKeyException(
                    "recordingKeys.keyIds",
                    "Argo CD names signature keys by their 16-digit long key id, and none is given");
        }
    }

    /**
     * Creates options without recording keys.
     *
     * @param repoUrl the URL Argo CD clones this repository from
     * @param targetRevision the branch, tag or commit Argo CD follows
     * @param project the Argo CD {@code AppProject} every Application belongs to
     * @param destinationServer the API server URL of the environment's cluster
     * @throws RenderException if a value is blank or the project is not a DNS-1123 label
     */
    public ArgoCdOptions(String repoUrl, String targetRevision, String project, String destinationServer) {
        this(repoUrl, targetRevision, project, destinationServer, RecordingKeys.none());
    }

    /**
     * Returns a copy with the recorder's public keys, so that only heads they signed are synced.
     *
     * @param keys the recorder's public keys; Argo CD uses the key ids
     * @return the new options
     * @throws RenderException if the keys hold armored keys but no key id
     */
    public ArgoCdOptions withRecordingKeys(RecordingKeys keys) {
        return new ArgoCdOptions(repoUrl, targetRevision, project, destinationServer, keys);
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
