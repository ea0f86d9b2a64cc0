package dev.countersign.testkit;

import static dev.countersign.testkit.Draws.oneIn;
import static dev.countersign.testkit.Draws.pick;

import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Manifest;
import dev.countersign.stack.Manifests;
import dev.countersign.stack.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of valid stacks and environments.
 *
 * <p>A generated stack is named {@code stack-0} to {@code stack-3}; its components {@code c0},
 * {@code c1}, … are Helm charts (values up to two levels deep, sometimes with a declared secret) or
 * raw manifests (ConfigMaps, and Secrets when secrets are allowed) in namespaces {@code ns-0} to
 * {@code ns-3}. A component depends only on components listed before it, so the graph is acyclic.
 * Stack variables are a non-empty subset of {@link #variableNames()}; values hold YAML-hostile
 * strings ({@code "on"}, {@code "007"}, {@code "a: b"}, line breaks), integers, booleans, decimals and
 * references such as {@code ${alpha:=fallback}}, always with an inline default, so every stack renders
 * for every environment. All names follow the DNS-label rules.
 *
 * <p>Every choice is drawn from QuickTheories' randomness, so failures shrink towards fewer
 * components, fewer values and earlier words, and every shrunk value is again a valid stack. Thread-safe.
 */
public final class StackGen {
    /** The largest {@code maxComponents} a generator accepts. */
    public static final int MAX_COMPONENTS = 100;

    private static final int DEFAULT_COMPONENTS = 5;

    private StackGen() {}

    /**
     * Generates valid stacks of 1 to 5 components, secrets included.
     *
     * @return the generator
     */
    public static Gen<Stack> stacks() {
        return stacks(DEFAULT_COMPONENTS);
    }

    /**
     * Generates valid stacks of 1 to {@code maxComponents} components, secrets included: declared
     * secret values of Helm components and Kubernetes Secrets among the manifests.
     *
     * @param maxComponents the largest number of components, 1 to {@value #MAX_COMPONENTS}
     * @return the generator
     * @throws IllegalArgumentException if {@code maxComponents} is out of range
     */
    public static Gen<Stack> stacks(int maxComponents) {
        int max = checked(maxComponents);
        return in -> stack(in, max, true);
    }

    /**
     * Generates valid stacks of 1 to 5 components with no declared secret and no Kubernetes Secret,
     * for properties that compare values which a secret would redact.
     *
     * @return the generator
     */
    public static Gen<Stack> stacksWithoutSecrets() {
        return in -> stack(in, DEFAULT_COMPONENTS, false);
    }

    /**
     * Generates environments {@code env-0} to {@code env-9} on clusters {@code cluster-0} to
     * {@code cluster-9}, with the default renderer, defining a random subset of {@link #variableNames()}.
     *
     * @return the generator
     */
    public static Gen<Environment> environments() {
        return in -> new Environment("env-" + pick(in, 0, 9), "cluster-" + pick(in, 0, 9), Draws.variables(in, 0));
    }

    /**
     * Returns the names of the variables that generated stacks define and reference and generated
     * environments set: {@code alpha}, {@code beta}, {@code gamma} and {@code delta}.
     *
     * @return the names, immutable
     */
    public static List<String> variableNames() {
        return Draws.VARIABLES;
    }

    private static int checked(int maxComponents) {
        if (maxComponents < 1 || maxComponents > MAX_COMPONENTS) {
            throw new IllegalArgumentException(
                    "invalid maxComponents " + maxComponents + ": must be between 1 and " + MAX_COMPONENTS);
        }
        return maxComponents;
    }

    private static Stack stack(RandomnessSource in, int maxComponents, boolean secrets) {
        int count = pick(in, 1, maxComponents);
        var components = new ArrayList<Component>();
        for (int i = 0; i < count; i++) {
            components.add(component(in, i, secrets));
        }
        return new Stack("stack-" + pick(in, 0, 3), Draws.variables(in, 1), components);
    }

    private static Component component(RandomnessSource in, int index, boolean secrets) {
        String name = "c" + index;
        var dependsOn = new ArrayList<String>();
        for (int j = 0; j < index; j++) {
            if (oneIn(in, 3)) {
                dependsOn.add("c" + j);
            }
        }
        return oneIn(in, 2) ? helm(in, name, dependsOn, secrets) : manifests(in, name, dependsOn, secrets);
    }

    private static Component helm(RandomnessSource in, String name, List<String> dependsOn, boolean secrets) {
        Map<String, Object> values = Draws.map(in, 2);
        List<String> declared = secrets && !values.isEmpty() && oneIn(in, 2)
                ? List.of("/" + Draws.token(values.keySet().iterator().next()))
                : List.of();
        var helm = new HelmSource(
                "https://charts.example.com", name, "1." + pick(in, 0, 9) + ".0", "ns-" + pick(in, 0, 3), values);
        return new Component(name, dependsOn, helm, declared);
    }

    private static Component manifests(RandomnessSource in, String name, List<String> dependsOn, boolean secrets) {
        var manifests = new ArrayList<Manifest>();
        for (int m = 0, n = pick(in, 1, 2); m < n; m++) {
            manifests.add(manifest(in, name + "-" + m, secrets && oneIn(in, 3)));
        }
        return new Component(name, dependsOn, new Manifests(manifests), List.of());
    }

    private static Manifest manifest(RandomnessSource in, String name, boolean secret) {
        var body = new LinkedHashMap<String, Object>();
        body.put("apiVersion", "v1");
        body.put("kind", secret ? "Secret" : "ConfigMap");
        body.put("metadata", Map.of("name", name, "namespace", "ns-" + pick(in, 0, 3)));
        body.put(secret ? "stringData" : "data", Draws.map(in, 0));
        return new Manifest(body);
    }
}
