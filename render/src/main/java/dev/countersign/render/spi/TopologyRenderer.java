package dev.countersign.render.spi;

import dev.countersign.stack.Environment;

/**
 * Renders an environment's cluster topology ({@code spec.topology}: control plane and node groups) as the files a
 * cluster provisioner reads, such as Cluster API objects for a management cluster.
 *
 * <p>Implementations are pure and deterministic: the same environment yields byte-identical files, so rendering
 * again never shows up as a change. They are immutable and thread-safe, and never write secret values: credentials
 * are referenced by name.
 */
public interface TopologyRenderer {
    /**
     * Renders the files of an environment's topology.
     *
     * @param environment the environment; its {@link Environment#topology()} is rendered, its {@link
     *     Environment#cluster()} names the cluster
     * @return the files, by repository-relative path; none when the environment has no topology
     * @throws dev.countersign.render.RenderException if the topology cannot be expressed in this format
     */
    RenderedFiles render(Environment environment);
}
