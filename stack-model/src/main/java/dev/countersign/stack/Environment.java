package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A deployment target: a cluster, the variable values a stack takes there, and how its stacks are laid out
 * in the repository. Immutable; {@link #toString()} shows variable names, never values.
 *
 * @param name the environment name, a DNS-1123 label (e.g. {@code production})
 * @param cluster the cluster this environment deploys to
 * @param variables the values by variable name (middle precedence)
 * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
 * @param flux the Flux options ({@code spec.flux}); the defaults when the file has none
 * @param argoCd the Argo CD options ({@code spec.argocd}); required when the renderer is Argo CD, else null
 * @param charts how Helm charts are pinned ({@code spec.charts}); the defaults when the file has none
 * @param recording the recording service's public keys ({@code spec.recording}); none when the file has none
 * @param topology the cluster's shape ({@code spec.topology}): control plane and node groups; null when the file
 *     has none
 */
public record Environment(
        String name,
        String cluster,
        Map<String, Object> variables,
        RendererChoice renderer,
        FluxSettings flux,
        @Nullable ArgoCdSettings argoCd,
        ChartSettings charts,
        RecordingSettings recording,
        @Nullable Topology topology) {
    static final String KIND = "Environment";
    private static final Set<String> SPEC_KEYS =
            Set.of("cluster", "variables", "renderer", "flux", "argocd", "charts", "recording", "topology");

    /**
     * Validates and copies the fields.
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
     * @param flux the Flux options ({@code spec.flux})
     * @param argoCd the Argo CD options ({@code spec.argocd}), or null
     * @param charts how Helm charts are pinned ({@code spec.charts})
     * @param recording the recording service's public keys ({@code spec.recording})
     * @param topology the cluster's shape ({@code spec.topology}), or null
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank, or the renderer is Argo CD without Argo CD options
     */
    public Environment {
        Names.label("environment name", name);
        if (cluster.isBlank()) {
            throw new InvalidStackException("/spec/cluster", "cluster must not be blank");
        }
        variables = Variables.checked(variables, "/spec/variables");
        Objects.requireNonNull(flux, "flux");
        Objects.requireNonNull(charts, "charts");
        Objects.requireNonNull(recording, "recording");
        if (renderer == RendererChoice.ARGOCD && argoCd == null) {
            throw new InvalidStackException(
                    "/spec/argocd",
                    "renderer argocd needs spec.argocd with at least repoURL, the URL Argo CD clones the repository"
                            + " from");
        }
    }

    /**
     * Creates an environment without a topology.
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
     * @param flux the Flux options ({@code spec.flux})
     * @param argoCd the Argo CD options ({@code spec.argocd}), or null
     * @param charts how Helm charts are pinned ({@code spec.charts})
     * @param recording the recording service's public keys ({@code spec.recording})
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank, or the renderer is Argo CD without Argo CD options
     */
    public Environment(
            String name,
            String cluster,
            Map<String, Object> variables,
            RendererChoice renderer,
            FluxSettings flux,
            @Nullable ArgoCdSettings argoCd,
            ChartSettings charts,
            RecordingSettings recording) {
        this(name, cluster, variables, renderer, flux, argoCd, charts, recording, null);
    }

    /**
     * Creates an environment without recording keys ({@link RecordingSettings#none()}).
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
     * @param flux the Flux options ({@code spec.flux})
     * @param argoCd the Argo CD options ({@code spec.argocd}), or null
     * @param charts how Helm charts are pinned ({@code spec.charts})
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank, or the renderer is Argo CD without Argo CD options
     */
    public Environment(
            String name,
            String cluster,
            Map<String, Object> variables,
            RendererChoice renderer,
            FluxSettings flux,
            @Nullable ArgoCdSettings argoCd,
            ChartSettings charts) {
        this(name, cluster, variables, renderer, flux, argoCd, charts, RecordingSettings.none());
    }

    /**
     * Creates an environment whose charts are pinned by exact version only ({@link ChartSettings#defaults()}).
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
     * @param flux the Flux options ({@code spec.flux})
     * @param argoCd the Argo CD options ({@code spec.argocd}), or null
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank, or the renderer is Argo CD without Argo CD options
     */
    public Environment(
            String name,
            String cluster,
            Map<String, Object> variables,
            RendererChoice renderer,
            FluxSettings flux,
            @Nullable ArgoCdSettings argoCd) {
        this(name, cluster, variables, renderer, flux, argoCd, ChartSettings.defaults());
    }

    /**
     * Creates an environment with a renderer and its default options.
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank, or the renderer is Argo CD (it needs options)
     */
    public Environment(String name, String cluster, Map<String, Object> variables, RendererChoice renderer) {
        this(name, cluster, variables, renderer, FluxSettings.defaults(), null);
    }

    /**
     * Creates an environment with the {@link RendererChoice#NATIVE native} layout.
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank
     */
    public Environment(String name, String cluster, Map<String, Object> variables) {
        this(name, cluster, variables, RendererChoice.NATIVE);
    }

    /**
     * Returns a copy laid out by Flux with these options.
     *
     * @param options the Flux options
     * @return the new environment
     */
    public Environment withFlux(FluxSettings options) {
        return new Environment(
                name, cluster, variables, RendererChoice.FLUX, options, argoCd, charts, recording, topology);
    }

    /**
     * Returns a copy laid out by Argo CD with these options.
     *
     * @param options the Argo CD options
     * @return the new environment
     */
    public Environment withArgoCd(ArgoCdSettings options) {
        return new Environment(
                name, cluster, variables, RendererChoice.ARGOCD, flux, options, charts, recording, topology);
    }

    /**
     * Returns a copy that pins Helm charts as these settings say.
     *
     * @param settings the chart settings, such as {@link ChartSettings#digests()}
     * @return the new environment
     */
    public Environment withCharts(ChartSettings settings) {
        return new Environment(name, cluster, variables, renderer, flux, argoCd, settings, recording, topology);
    }

    /**
     * Returns a copy with these variables in place of this environment's, every other setting kept.
     *
     * @param values the values by variable name (middle precedence)
     * @return the new environment
     * @throws InvalidNameException if a variable name breaks its rule
     */
    public Environment withVariables(Map<String, Object> values) {
        return new Environment(name, cluster, values, renderer, flux, argoCd, charts, recording, topology);
    }

    /**
     * Returns a copy whose reconciler applies only heads these recording keys signed.
     *
     * @param keys the recording service's public keys
     * @return the new environment
     */
    public Environment withRecording(RecordingSettings keys) {
        return new Environment(name, cluster, variables, renderer, flux, argoCd, charts, keys, topology);
    }

    /**
     * Returns a copy with this cluster topology, or none, every other setting kept.
     *
     * @param shape the topology, or null for none
     * @return the new environment
     */
    public Environment withTopology(@Nullable Topology shape) {
        return new Environment(name, cluster, variables, renderer, flux, argoCd, charts, recording, shape);
    }

    /**
     * Returns this environment as a plain value tree, as written in an environment file. Flux options equal
     * to the defaults are left out.
     *
     * @return the document tree
     */
    public Map<String, Object> toTree() {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("cluster", cluster);
        if (!variables.isEmpty()) {
            spec.put("variables", variables);
        }
        if (renderer != RendererChoice.NATIVE) {
            spec.put("renderer", renderer.id());
        }
        if (!flux.equals(FluxSettings.defaults())) {
            spec.put("flux", flux.toTree());
        }
        ArgoCdSettings argo = argoCd;
        if (argo != null) {
            spec.put("argocd", argo.toTree());
        }
        if (!charts.equals(ChartSettings.defaults())) {
            spec.put("charts", charts.toTree());
        }
        if (!recording.isEmpty()) {
            spec.put("recording", recording.toTree());
        }
        Topology shape = topology;
        if (shape != null) {
            spec.put("topology", shape.toTree());
        }
        return Documents.envelope(KIND, name, spec);
    }

    /**
     * Reads an environment from its document tree.
     *
     * @param document the tree of a {@code kind: Environment} document
     * @return the environment
     * @throws StackException if the document breaks a rule: an unknown field, a malformed option, or
     *     {@code renderer: argocd} without {@code spec.argocd.repoURL}
     */
    public static Environment fromTree(Object document) {
        var spec = Documents.spec(document, KIND).only(SPEC_KEYS);
        var renderer = spec.has("renderer") ? RendererChoice.fromId(spec.string("renderer")) : RendererChoice.NATIVE;
        var flux = spec.has("flux") ? FluxSettings.fromFields(spec.fields("flux")) : FluxSettings.defaults();
        var argoCd = spec.has("argocd") ? ArgoCdSettings.fromFields(spec.fields("argocd")) : null;
        var charts = spec.has("charts") ? ChartSettings.fromFields(spec.fields("charts")) : ChartSettings.defaults();
        var recording = spec.has("recording")
                ? RecordingSettings.fromFields(spec.fields("recording"))
                : RecordingSettings.none();
        Topology topology = spec.has("topology") ? readTopology(spec.map().get("topology")) : null;
        return new Environment(
                Documents.name(document),
                spec.string("cluster"),
                spec.map("variables"),
                renderer,
                flux,
                argoCd,
                charts,
                recording,
                topology);
    }

    private static Topology readTopology(@Nullable Object tree) {
        try {
            return TopologyReader.read(java.util.Objects.requireNonNull(tree));
        } catch (InvalidStackException e) {
            throw e.within("/spec/topology");
        }
    }

    @Override
    public String toString() {
        return "Environment[name=" + name + ", cluster=" + cluster + ", variables=" + variables.keySet() + ", renderer="
                + renderer.id() + ", charts=" + charts.pin().id() + ", recordingKeys="
                + (recording.keyIds().size() + recording.keys().size()) + ", topology="
                + (topology == null ? "none" : topology.names())
                + "]";
    }
}
