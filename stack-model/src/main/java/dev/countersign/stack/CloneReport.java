package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What it takes to clone a stack from one environment to another: variables the target lacks,
 * values that resolve differently there, and secret values that must be supplied again (secrets
 * never travel across environments). Immutable; secret values never appear in it.
 *
 * @param stack the stack name
 * @param from the source environment name
 * @param to the target environment name
 * @param missing variables the stack uses that have no value in the target (rendering would fail)
 * @param differences variables that resolve differently in the target, with both sources
 * @param secrets secret locations whose values must be supplied again for the target
 */
public record CloneReport(
        String stack,
        String from,
        String to,
        List<String> missing,
        List<Difference> differences,
        List<Location> secrets) {
    /**
     * Copies the lists.
     *
     * @param stack the stack name
     * @param from the source environment name
     * @param to the target environment name
     * @param missing variables the stack uses that have no value in the target
     * @param differences variables that resolve differently in the target
     * @param secrets secret locations whose values must be supplied again
     */
    public CloneReport {
        missing = List.copyOf(missing);
        differences = List.copyOf(differences);
        secrets = List.copyOf(secrets);
    }

    /**
     * A variable that resolves differently in the target. Secret values are replaced by
     * {@link RenderedStack#REDACTED}; a value absent in one environment is the empty string.
     *
     * @param variable the variable name
     * @param fromValue the value in the source environment
     * @param fromSource the scope that supplied it in the source
     * @param toValue the value in the target environment
     * @param toSource the scope that supplies it in the target
     */
    public record Difference(String variable, Object fromValue, Scope fromSource, Object toValue, Scope toSource) {
        /**
         * Returns whether the target silently falls back to a default where the source had its own value:
         * the classic clone mistake of a stack-level value shadowing the target's.
         *
         * @return true when the source set the value and the target only has a default
         */
        public boolean fallsBackToDefault() {
            return fromSource.compareTo(Scope.ENVIRONMENT) >= 0 && toSource.compareTo(Scope.STACK_DEFAULT) <= 0;
        }
    }

    /**
     * Compares what a stack's variables resolve to in two environments.
     *
     * @param stack the stack to clone
     * @param from the environment it is deployed to now
     * @param to the environment to clone it to
     * @return the report
     * @throws VariableCycleException if variable values reference each other in a cycle
     */
    public static CloneReport of(Stack stack, Environment from, Environment to) {
        Set<String> secretVariables = new LinkedHashSet<>(SecretPlaces.variables(stack));
        var missing = new ArrayList<String>();
        var differences = new ArrayList<Difference>();
        for (var use : references(stack).entrySet()) {
            String name = use.getKey();
            var here = resolve(stack, from, name, use.getValue());
            var there = resolve(stack, to, name, use.getValue());
            if (there == null) {
                missing.add(name);
            } else if (here != null && !here.equals(there)) {
                boolean secret = secretVariables.contains(name);
                differences.add(new Difference(
                        name, shown(here.value(), secret), here.scope(), shown(there.value(), secret), there.scope()));
            }
        }
        return new CloneReport(
                stack.name(), from.name(), to.name(), missing, differences, SecretPlaces.locations(stack));
    }

    /**
     * Returns whether the target has a value for every variable the stack uses.
     *
     * @return true when nothing is missing
     */
    public boolean isComplete() {
        return missing.isEmpty();
    }

    /**
     * Returns this report as a plain tree, for JSON output.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("stack", stack);
        tree.put("from", from);
        tree.put("to", to);
        tree.put("missing", missing);
        tree.put("differences", differences.stream().map(CloneReport::tree).toList());
        tree.put("secrets", secrets.stream().map(Location::toString).toList());
        return tree;
    }

    private static Map<String, Object> tree(Difference difference) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("variable", difference.variable());
        tree.put(
                "from",
                Map.of(
                        "value",
                        difference.fromValue(),
                        "source",
                        difference.fromSource().label()));
        tree.put(
                "to",
                Map.of(
                        "value",
                        difference.toValue(),
                        "source",
                        difference.toSource().label()));
        tree.put("fallsBackToDefault", difference.fallsBackToDefault());
        return tree;
    }

    /** Every referenced variable, with the inline defaults of its uses (empty when none has one). */
    private static Map<String, List<String>> references(Stack stack) {
        var references = new LinkedHashMap<String, List<String>>();
        for (Component component : stack.components()) {
            collect(component.source().toTree(), references);
        }
        return references;
    }

    private static void collect(Object node, Map<String, List<String>> references) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, references));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, references));
        } else if (node instanceof String text && Template.isTemplated(text)) {
            for (Template.Ref ref : Template.parse(text, "").references()) {
                List<String> fallbacks = references.computeIfAbsent(ref.name(), name -> new ArrayList<>());
                String fallback = ref.fallback();
                if (fallback != null) {
                    fallbacks.add(fallback);
                }
            }
        }
    }

    private static Resolver.@org.jspecify.annotations.Nullable Resolved resolve(
            Stack stack, Environment environment, String name, List<String> fallbacks) {
        var resolver = new Resolver(stack.variables(), environment.variables(), Map.of());
        var resolved = resolver.variable(name, new Location("variables", "/" + name));
        if (resolved == null && !fallbacks.isEmpty()) {
            return new Resolver.Resolved(fallbacks.get(0), Scope.INLINE_DEFAULT);
        }
        return resolved == null || !resolver.undefined().isEmpty() ? null : resolved;
    }

    private static Object shown(Object value, boolean secret) {
        return secret ? RenderedStack.REDACTED : value;
    }
}
