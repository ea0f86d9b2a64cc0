package dev.countersign.stack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deployable unit of a stack: a Helm release or a set of manifests, with its dependencies and the
 * JSON pointers of its secret values. Immutable; {@link #toString()} never shows values.
 *
 * @param name the component name, a DNS-1123 label unique in its stack
 * @param dependsOn the components that must be deployed before this one
 * @param source where the component's objects come from
 * @param secrets JSON pointers, relative to the source tree (the Helm values, or the manifest
 *     list), of values that hold secrets
 */
public record Component(String name, List<String> dependsOn, ComponentSource source, List<String> secrets) {
    private static final Set<String> KEYS = Set.of("name", "dependsOn", "helm", "manifests", "secrets");

    /**
     * Validates and copies the fields.
     *
     * @param name the component name, a DNS-1123 label unique in its stack
     * @param dependsOn the components that must be deployed before this one
     * @param source where the component's objects come from
     * @param secrets JSON pointers, relative to the source tree (the Helm values, or the manifest list), of values that hold secrets
     * @throws InvalidNameException if the name or a dependency is not a DNS-1123 label
     * @throws InvalidStackException if a dependency repeats, or a secret pointer is malformed or
     *     leads nowhere
     */
    public Component {
        Names.label("component name", name);
        dependsOn = List.copyOf(dependsOn);
        secrets = List.copyOf(secrets);
        checkDependencies(name, dependsOn);
        checkSecrets(source, secrets);
    }

    /**
     * Reads a component from its tree (the map written in a stack's {@code components} list).
     *
     * @param tree the component map
     * @return the component
     * @throws StackException if the tree breaks a rule; pointers are relative to the component
     */
    public static Component fromTree(Object tree) {
        var fields = Fields.of(tree, "").only(KEYS);
        boolean helm = fields.has(HelmSource.KEY);
        if (helm == fields.has(Manifests.KEY)) {
            throw new InvalidStackException("", "a component has exactly one of 'helm' or 'manifests'");
        }
        String key = helm ? HelmSource.KEY : Manifests.KEY;
        String name = fields.string("name");
        return new Component(name, fields.strings("dependsOn"), source(key, fields, name), fields.strings("secrets"));
    }

    private static ComponentSource source(String key, Fields fields, String name) {
        try {
            return ComponentSource.fromTree(
                    key, java.util.Objects.requireNonNull(fields.map().get(key)), "/" + key);
        } catch (FloatingVersionException e) {
            throw e.in(name);
        }
    }

    /**
     * Returns this component as a plain value tree, as written in a stack file.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("name", name);
        if (!dependsOn.isEmpty()) {
            tree.put("dependsOn", dependsOn);
        }
        tree.put(source.key(), source.toTree());
        if (!secrets.isEmpty()) {
            tree.put("secrets", secrets);
        }
        return java.util.Collections.unmodifiableMap(tree);
    }

    /**
     * Returns every secret value's JSON pointer relative to {@link #toTree()}: the declared
     * {@link #secrets()} and the data of Kubernetes {@code Secret} manifests.
     *
     * @return pointers such as {@code /helm/values/adminPassword}
     */
    public List<String> secretPointers() {
        var pointers = new ArrayList<String>();
        String prefix = "/" + source.key();
        secrets.forEach(pointer -> pointers.add(prefix + source.secretsBase() + pointer));
        source.inherentSecrets().forEach(pointer -> pointers.add(prefix + pointer));
        return List.copyOf(new java.util.LinkedHashSet<>(pointers));
    }

    /**
     * Returns whether the value at a pointer (relative to {@link #toTree()}) is, holds or lies
     * inside a secret.
     *
     * @param pointer a JSON pointer
     * @return true when it overlaps a secret pointer
     */
    public boolean isSecret(String pointer) {
        return secretPointers().stream().anyMatch(secret -> Pointers.overlaps(secret, pointer));
    }

    @Override
    public String toString() {
        return "Component[name=" + name + ", dependsOn=" + dependsOn + ", source=" + source + ", secrets=" + secrets
                + "]";
    }

    private static void checkDependencies(String name, List<String> dependsOn) {
        var seen = new HashSet<String>();
        for (String dependency : dependsOn) {
            Names.label("dependency name", dependency);
            if (!seen.add(dependency)) {
                throw new InvalidStackException(
                        "/dependsOn",
                        "component '" + name + "' lists '" + Excerpt.of(dependency) + "' twice in dependsOn");
            }
            if (dependency.equals(name)) {
                throw new DependencyCycleException(List.of(name, name));
            }
        }
    }

    private static void checkSecrets(ComponentSource source, List<String> secrets) {
        for (int i = 0; i < secrets.size(); i++) {
            String pointer = secrets.get(i);
            if (!pointer.startsWith("/")) {
                throw new InvalidStackException(
                        "/secrets/" + i,
                        "secret pointer '" + Excerpt.of(pointer) + "' is not a JSON pointer: it must start with '/'");
            }
            if (!reachable(source.toTree(), source.secretsBase() + pointer)) {
                throw new InvalidStackException(
                        "/secrets/" + i,
                        "secret pointer '" + Excerpt.of(pointer) + "' leads to no value in the component's "
                                + source.key());
            }
        }
    }

    /** A pointer is reachable when it leads to a value, or passes through a not yet rendered string. */
    private static boolean reachable(Object tree, String pointer) {
        Object current = tree;
        for (String token : Pointers.tokens(pointer)) {
            if (current instanceof String text && Template.isTemplated(text)) {
                return true;
            }
            current = Pointers.get(current, "/" + Pointers.escape(token));
            if (current == null) {
                return false;
            }
        }
        return true;
    }
}
