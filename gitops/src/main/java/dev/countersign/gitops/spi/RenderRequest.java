package dev.countersign.gitops.spi;

import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RenderedStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link LayoutRenderer} renders: an environment, a stack resolved for it, and the stack's
 * deploy waves (components whose dependencies all sit in earlier waves). Immutable.
 *
 * <p>{@link #toString()} names the stack and environment only: the resolved stack may hold secrets.
 */
public final class RenderRequest {
    private final Environment environment;
    private final RenderedStack stack;
    private final DeployPlan plan;
    private final Map<String, Integer> waves = new HashMap<>();

    private RenderRequest(Environment environment, RenderedStack stack, DeployPlan plan) {
        this.environment = environment;
        this.stack = stack;
        this.plan = plan;
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
        if (!stack.environment().equals(environment.name())) {
            throw new IllegalArgumentException("stack '" + stack.stack().name() + "' was rendered for environment '"
                    + stack.environment() + "', not '" + environment.name() + "'");
        }
        return new RenderRequest(environment, stack, DeployPlan.of(stack.stack()));
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
