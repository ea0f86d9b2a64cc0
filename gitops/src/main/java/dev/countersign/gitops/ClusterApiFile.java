package dev.countersign.gitops;

import dev.countersign.gitops.internal.ClusterApiFiles;
import dev.countersign.render.ClusterApiMapping;

/**
 * Reads a Cluster API mapping file ({@code kind: ClusterApi}, see {@link ClusterApiMapping}), as a host or the
 * {@code propose-environment --cluster-api FILE} command gives it with an environment change.
 */
public final class ClusterApiFile {
    private ClusterApiFile() {}

    /**
     * Reads a mapping from its YAML (or JSON) text.
     *
     * @param yaml the file's text
     * @param source where the text comes from, for messages
     * @return the mapping
     * @throws GitOpsException if the text is not valid YAML or not a valid mapping, naming the field
     */
    public static ClusterApiMapping parse(String yaml, String source) {
        return ClusterApiFiles.parse(yaml, source);
    }
}
