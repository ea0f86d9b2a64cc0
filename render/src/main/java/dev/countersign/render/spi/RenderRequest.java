package dev.countersign.render.spi;

import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RenderedStack;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link LayoutRenderer} renders: an environment, a stack resolved for it, and the stack's
 * deploy waves (components whose dependencies all sit in earlier waves). Immutable.
 *
 * <p>A request may name <em>secret variables</em>: the stack was resolved with
 * {@link #secretPlaceholder(String)} in place of their values, and a renderer that can reference a value
 * held elsewhere (Flux: a sops-encrypted {@code Secret}) writes a reference where a placeholder stands.
 *
 * <p>{@link #toString()} names the stack and environment only: the resolved stack may hold secrets.
 */
public final class RenderRequest {
    private final Environment environment;
    private final RenderedStack stack;
    private final DeployPlan plan;
    private final Map<String, Integer> waves = new HashMap<>();
    private final SortedSet<String> secretVariables;
    private final ProtectedObjects protection;

    private RenderRequest(
            Environment environment,
            RenderedStack stack,
            DeployPlan plan,
            Collection<String> secretVariables,
            ProtectedObjects protection) {
        this.environment = environment;
        this.stack = stack;
        this.plan = plan;
        this.protection = protection;
        this.secretVariables = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(secretVariables));
        for (int wave = 0; wave < plan.waves().size(); wave++) {
            for (String component : plan.waves().get(wave)) {
                waves.put(component, wave);
            }
        }
    }

    /**
     * Creates a request, planning the deploy waves from the components' {@code dependsOn}.
     *
     * @param environment the environment rendered for
     * @param stack the stack resolved for that environment
     * @return the request
     * @throws IllegalArgumentException if the stack was resolved for another environment
     */
    public static RenderRequest of(Environment environment, RenderedStack stack) {
        return of(environment, stack, Set.of());
    }

    /**
     * Creates a request whose stack was resolved with {@link #secretPlaceholders(Collection)} for its secret
     * variables, so that it holds no secret value.
     *
     * @param environment the environment rendered for
     * @param stack the stack resolved for that environment, placeholders standing for the secret variables
     * @param secretVariables the variables whose values are held outside the rendered files
     * @return the request
     * @throws IllegalArgumentException if the stack was resolved for another environment
     */
    public static RenderRequest of(Environment environment, RenderedStack stack, Collection<String> secretVariables) {
        if (!stack.environment().equals(environment.name())) {
            throw new IllegalArgumentException("stack '" + stack.stack().name() + "' was rendered for environment '"
                    + stack.environment() + "', not '" + environment.name() + "'");
        }
        return new RenderRequest(
                environment, stack, DeployPlan.of(stack.stack()), secretVariables, ProtectedObjects.defaults());
    }

    /**
     * Returns this request with the policy's protection, so that the renderer writes the reconciler's opt-out of
     * deletion on every object the policy protects (by default: the default kinds and the label only).
     *
     * @param protection what the policy protects
     * @return a new request
     */
    public RenderRequest withProtection(ProtectedObjects protection) {
        return new RenderRequest(environment, stack, plan, secretVariables, protection);
    }

    /**
     * Returns what the policy protects, as {@link #withProtection(ProtectedObjects)} set it.
     *
     * @return the protection
     */
    public ProtectedObjects protection() {
        return protection;
    }

    /**
     * Returns the text that stands for a secret variable's value in a resolved stack: it holds a NUL
     * character, which no YAML document can, so it never collides with a value a stack file holds.
     *
     * @param variable the secret variable's name
     * @return the placeholder
     */
    public static String secretPlaceholder(String variable) {
        return "\u0000secret:" + variable + "\u0000";
    }

    /**
     * Returns render overrides that resolve each secret variable to its {@link #secretPlaceholder(String)}.
     *
     * @param variables the secret variables
     * @return name to placeholder, for {@link dev.countersign.stack.Stack#render(Environment, Map)}
     */
    public static Map<String, Object> secretPlaceholders(Collection<String> variables) {
        Map<String, Object> overrides = new TreeMap<>();
        variables.forEach(name -> overrides.put(name, secretPlaceholder(name)));
        return overrides;
    }

    /**
     * Returns the secret variables: those the stack holds as {@link #secretPlaceholder(String) placeholders}.
     *
     * @return the names, sorted; empty when the stack was resolved with every value
     */
    public SortedSet<String> secretVariables() {
        return secretVariables;
    }

    /**
     * Returns the environment rendered for.
     *
     * @return the environment
     */
    public Environment environment() {
        return environment;
    }

    /**
     * Returns the stack resolved for the environment; it holds plaintext secret values.
     *
     * @return the resolved stack
     */
    public RenderedStack stack() {
        return stack;
    }

    /**
     * Returns the stack's deploy plan.
     *
     * @return the plan
     */
    public DeployPlan plan() {
        return plan;
    }

    /**
     * Returns the deploy waves: every component's dependencies sit in earlier waves.
     *
     * @return the component names by wave, each wave sorted by name
     */
    public List<List<String>> waves() {
        return plan.waves();
    }

    /**
     * Returns the wave of one component.
     *
     * @param component a component name of the stack
     * @return its wave, counted from 0
     * @throws IllegalArgumentException if the stack has no such component
     */
    public int waveOf(String component) {
        Integer wave = waves.get(component);
        if (wave == null) {
            throw new IllegalArgumentException("stack has no component '" + component + "'");
        }
        return wave;
    }

    @Override
    public String toString() {
        return "RenderRequest[stack=" + stack.stack().name() + ", environment=" + environment.name() + "]";
    }
}
