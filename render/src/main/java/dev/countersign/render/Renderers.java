package dev.countersign.render;

import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.TopologyRenderer;

/**
 * Factories of the built-in {@link LayoutRenderer}s for Flux and Argo CD. The renderers are immutable,
 * thread-safe and deterministic, and never write a secret value: {@code Secret} objects and values
 * a stack declares secret are left out of the rendered files.
 */
public final class Renderers {
    private Renderers() {}

    /**
     * Returns the Flux renderer: Kustomizations whose {@code dependsOn} mirrors the stack's edges,
     * HelmRepository or OCIRepository sources, HelmReleases with inline values, and {@code .sops.yaml}.
     *
     * @param options the Flux options
     * @return the renderer
     */
    public static LayoutRenderer flux(FluxOptions options) {
        return new FluxLayout(options);
    }

    /**
     * Returns the Argo CD renderer: one Application per component annotated with its sync wave, and a
     * root app-of-apps Application.
     *
     * @param options the Argo CD options
     * @return the renderer
     */
    public static LayoutRenderer argoCd(ArgoCdOptions options) {
        return new ArgoCdLayout(options);
    }

    /**
     * Returns the Cluster API renderer of an environment's topology: a {@code Cluster}, a {@code KubeadmControlPlane}
     * ({@code replicas} the control plane's count) and per node group a {@code MachineDeployment} ({@code replicas}
     * its count, or the cluster-autoscaler's min and max annotations), with the provider's objects from the mapping.
     *
     * @param mapping the host's infrastructure provider: namespace, cluster object and machine template
     * @return the renderer
     */
    public static TopologyRenderer clusterApi(ClusterApiMapping mapping) {
        return new ClusterApiLayout(mapping);
    }
}
