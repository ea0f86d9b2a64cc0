package dev.countersign.stack;

import dev.countersign.dag.Dag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a stack deploys: the order, the waves of components that can deploy in parallel, the teardown
 * order, and, against a previous version, the blast radius of every removed component.
 *
 * <p>Ties within a wave are broken by component name, so the plan depends only on the components and
 * their dependencies. Immutable and thread-safe.
 */
public final class DeployPlan {
    private final String stack;
    private final Dag<String> graph;
    private final Map<String, List<String>> removals;

    private DeployPlan(String stack, Dag<String> graph, Map<String, List<String>> removals) {
        this.stack = stack;
        this.graph = graph;
        this.removals = removals;
    }

    /**
     * Plans a stack on its own.
     *
     * @param stack the stack
     * @return its plan, with no removals
     */
    public static DeployPlan of(Stack stack) {
        return new DeployPlan(stack.name(), Graph.of(stack.components()), Map.of());
    }

    /**
     * Plans a new version of a stack against the version deployed before it.
     *
     * @param before the deployed version
     * @param after the version to deploy
     * @return the plan of {@code after}, with the removals of components only in {@code before}
     */
    public static DeployPlan between(Stack before, Stack after) {
        Dag<String> old = Graph.of(before.components());
        var removals = new LinkedHashMap<String, List<String>>();
        for (String name : old.teardown()) {
            if (after.component(name).isEmpty()) {
                removals.put(name, List.copyOf(old.dependentsOf(name)));
            }
        }
        return new DeployPlan(
                after.name(), Graph.of(after.components()), java.util.Collections.unmodifiableMap(removals));
    }

    /**
     * Returns the stack name.
     *
     * @return the name
     */
    public String stack() {
        return stack;
    }

    /**
     * Returns the deploy order: every component after all of its dependencies.
     *
     * @return the component names
     */
    public List<String> order() {
        return graph.order();
    }

    /**
     * Returns the waves: each wave's components depend only on earlier waves and can deploy in parallel.
     *
     * @return the waves, in order
     */
    public List<List<String>> waves() {
        return graph.waves();
    }

    /**
     * Returns the teardown order: every component before what it depends on.
     *
     * @return the component names
     */
    public List<String> teardown() {
        return graph.teardown();
    }

    /**
     * Returns the components removed since the previous version, in teardown order, each with every
     * component of the previous version that depends on it, directly or not (its blast radius).
     *
     * @return removed component to its dependents; empty without a previous version
     */
    public Map<String, List<String>> removals() {
        return removals;
    }

    /**
     * Returns the components that depend on one, directly or not, in deploy order.
     *
     * @param component a component of the planned stack
     * @return the dependents
     * @throws IllegalArgumentException if the stack has no such component
     */
    public List<String> dependentsOf(String component) {
        if (!graph.nodes().contains(component)) {
            throw new IllegalArgumentException("stack '" + stack + "' has no component '" + component + "'");
        }
        return List.copyOf(graph.dependentsOf(component));
    }

    /**
     * Draws the dependency graph in Graphviz DOT, one rank per wave.
     *
     * @return the DOT text
     */
    public String toDot() {
        return graph.toDot();
    }

    /**
     * Draws the dependency graph as a Mermaid flowchart, one subgraph per wave.
     *
     * @return the Mermaid text
     */
    public String toMermaid() {
        return graph.toMermaid();
    }

    /**
     * Returns this plan as a plain tree: {@code stack}, {@code order}, {@code waves},
     * {@code teardown} and {@code removals}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("stack", stack);
        tree.put("order", order());
        tree.put("waves", waves());
        tree.put("teardown", teardown());
        tree.put("removals", removals);
        return tree;
    }

    @Override
    public String toString() {
        return "DeployPlan[stack=" + stack + ", waves=" + waves() + "]";
    }
}
