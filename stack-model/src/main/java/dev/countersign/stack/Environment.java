package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A deployment target: a cluster and the variable values a stack takes there. Immutable;
 * {@link #toString()} shows variable names, never values.
 *
 * @param name the environment name, a DNS-1123 label (e.g. {@code production})
 * @param cluster the cluster this environment deploys to
 * @param variables the values by variable name (middle precedence)
 * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
 */
public record Environment(String name, String cluster, Map<String, Object> variables, RendererChoice renderer) {
    static final String KIND = "Environment";
    private static final Set<String> SPEC_KEYS = Set.of("cluster", "variables", "renderer");

    /**
     * Validates and copies the fields.
     *
     * @param name the environment name, a DNS-1123 label (e.g. {@code production})
     * @param cluster the cluster this environment deploys to
     * @param variables the values by variable name (middle precedence)
     * @param renderer how this environment's stacks are laid out in the repository ({@code spec.renderer})
     * @throws InvalidNameException if the name or a variable name breaks its rule
     * @throws InvalidStackException if the cluster is blank
     */
    public Environment {
        Names.label("environment name", name);
        if (cluster.isBlank()) {
            throw new InvalidStackException("/spec/cluster", "cluster must not be blank");
        }
        variables = Variables.checked(variables, "/spec/variables");
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
     * Returns this environment as a plain value tree, as written in an environment file.
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
        return Documents.envelope(KIND, name, spec);
    }

    /**
     * Reads an environment from its document tree.
     *
     * @param document the tree of a {@code kind: Environment} document
     * @return the environment
     * @throws StackException if the document breaks a rule
     */
    public static Environment fromTree(Object document) {
        var spec = Documents.spec(document, KIND).only(SPEC_KEYS);
        var renderer = spec.has("renderer") ? RendererChoice.fromId(spec.string("renderer")) : RendererChoice.NATIVE;
        return new Environment(Documents.name(document), spec.string("cluster"), spec.map("variables"), renderer);
    }

    @Override
    public String toString() {
        return "Environment[name=" + name + ", cluster=" + cluster + ", variables=" + variables.keySet() + ", renderer="
                + renderer.id() + "]";
    }
}
