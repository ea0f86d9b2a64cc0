package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.ClusterApiMapping;
import dev.countersign.render.RenderException;
import dev.countersign.render.Renderers;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * An environment's Cluster API files, part of its region: the host's mapping onto its infrastructure provider,
 * {@code .countersign/cluster-api/<env>.yaml} (written by an environment change that gives one, carried byte for
 * byte otherwise), and what the built-in Cluster API renderer writes from it and the environment's topology under
 * {@code topology/<env>/}. Without a recorded mapping an environment has no Cluster API files; without a topology,
 * only the mapping.
 */
final class TopologyFiles {
    private static final String FOLDER = ".countersign/cluster-api/";

    private TopologyFiles() {}

    /**
     * Returns the path of an environment's Cluster API mapping.
     *
     * @param environment the environment's name
     * @return {@code .countersign/cluster-api/<env>.yaml}
     */
    static String mappingPath(String environment) {
        return FOLDER + Layout.name("environment", environment) + ".yaml";
    }

    /**
     * Returns the Cluster API files of an environment as it is to be.
     *
     * @param git the repository
     * @param base the commit whose mapping is carried when none is given
     * @param environment the environment as it is to be
     * @param given the mapping the change gives, or null to keep the one recorded at {@code base}
     * @return path to content: the mapping file and the rendered files, or nothing without a mapping
     * @throws GitOpsException if the mapping cannot be read, or the topology cannot be rendered with it
     */
    static SortedMap<String, byte[]> files(
            GitStore git, CommitId base, Environment environment, @Nullable ClusterApiMapping given) {
        String path = mappingPath(environment.name());
        byte[] file = given != null ? write(given) : git.read(base, path).orElse(null);
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (file == null) {
            return files;
        }
        files.put(path, file);
        ClusterApiMapping mapping = given != null ? given : read(file, path);
        try {
            RenderedFiles rendered = Renderers.clusterApi(mapping).render(environment);
            rendered.paths().forEach(p -> files.put(p, rendered.content(p)));
        } catch (RenderException e) {
            throw new GitOpsException(
                    "cannot render the topology of environment " + environment.name() + " for Cluster API: "
                            + e.getMessage(),
                    e);
        }
        return files;
    }

    /**
     * Reads the mapping a commit records for an environment.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @return the mapping, or empty when the commit records none
     */
    static Optional<ClusterApiMapping> recorded(GitStore git, CommitId commit, String environment) {
        String path = mappingPath(environment);
        return git.read(commit, path).map(file -> read(file, path));
    }

    /**
     * Returns the mapping a proposed environment change gives, for its revision: the one its draft writes when the
     * draft changes the mapping file, else null (the revision keeps the recorded one).
     *
     * @param git the repository
     * @param proposal the environment change revised
     * @return the mapping, or null
     */
    static @Nullable ClusterApiMapping given(GitStore git, dev.countersign.gitops.Proposal proposal) {
        String path = mappingPath(proposal.environment());
        if (!proposal.changedPaths().contains(path)) {
            return null;
        }
        return recorded(git, DraftCommit.of(proposal), proposal.environment()).orElse(null);
    }

    static byte[] write(ClusterApiMapping mapping) {
        return StackFiles.toYaml(List.of(mapping.toTree())).getBytes(StandardCharsets.UTF_8);
    }

    static ClusterApiMapping read(byte[] file, String path) {
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().setLabel(path).build())
                    .loadFromString(new String(file, StandardCharsets.UTF_8));
        } catch (YamlEngineException e) {
            throw new GitOpsException("Cluster API mapping " + path + " is not valid YAML");
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new GitOpsException("Cluster API mapping " + path + " must be a YAML map");
        }
        try {
            return ClusterApiMapping.fromTree(map);
        } catch (RenderException e) {
            throw new GitOpsException("invalid Cluster API mapping " + path + ": " + e.getMessage(), e);
        }
    }
}
