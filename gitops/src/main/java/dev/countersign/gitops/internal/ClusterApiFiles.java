package dev.countersign.gitops.internal;

import dev.countersign.render.ClusterApiMapping;
import java.nio.charset.StandardCharsets;

/** The reader of Cluster API mapping files for the public API, over {@link TopologyFiles}. */
public final class ClusterApiFiles {
    private ClusterApiFiles() {}

    /**
     * Reads a mapping from its text.
     *
     * @param yaml the text
     * @param source where it comes from, for messages
     * @return the mapping
     * @throws dev.countersign.gitops.GitOpsException if the text is not a valid mapping
     */
    public static ClusterApiMapping parse(String yaml, String source) {
        return TopologyFiles.read(yaml.getBytes(StandardCharsets.UTF_8), source);
    }
}
