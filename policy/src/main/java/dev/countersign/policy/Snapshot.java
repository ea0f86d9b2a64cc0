package dev.countersign.policy;

import dev.countersign.stack.Component;
import dev.countersign.stack.NullValue;
import dev.countersign.stack.ObjectKey;
import dev.countersign.stack.RenderedStack;
import dev.countersign.stack.Stack;
import dev.countersign.stack.VariableReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * The components of one version of a stack, by name, its variable defaults, and the references to
 * secret-carrying variables that stand outside secret places.
 */
record Snapshot(Map<String, ComponentState> components, StackVariables variables, List<VariableReference> unconfined) {
    static final Snapshot EMPTY = new Snapshot(Map.of(), StackVariables.NONE);

    Snapshot {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        unconfined = List.copyOf(unconfined);
    }

    Snapshot(Map<String, ComponentState> components, StackVariables variables) {
        this(components, variables, List.of());
    }

    static Snapshot of(Collection<ComponentState> components, StackVariables variables) {
        Map<String, ComponentState> byName = new LinkedHashMap<>();
        components.forEach(c -> byName.put(c.name(), c));
        return new Snapshot(byName, variables);
    }

    Optional<ComponentState> component(String name) {
        return Optional.ofNullable(components.get(name));
    }

    /** Every object in every component, by {@link KubeObject#key()}. */
    Map<ObjectKey, KubeObject> objects() {
        Map<ObjectKey, KubeObject> objects = new LinkedHashMap<>();
        components.values().forEach(c -> c.objects().forEach(o -> objects.put(o.key(), o)));
        return objects;
    }

    /** The components that depend on any of {@code names}, directly or through others. */
    Set<String> dependentsOf(Set<String> names) {
        Set<String> found = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String current = todo.pop();
            for (ComponentState c : components.values()) {
                if (c.dependsOn().contains(current) && found.add(c.name())) {
                    todo.push(c.name());
                }
            }
        }
        found.removeAll(names);
        return found;
    }

    /** The components of a stack, through its public model: each component's tree without its name. */
    static Snapshot of(Stack stack) {
        Snapshot written = of(componentsOf(stack), StackVariables.of(stack));
        return new Snapshot(written.components(), written.variables(), SecretConfinementRule.unconfined(stack));
    }

    /**
     * A rendering of a stack for an environment, secret values redacted: its components only (a
     * rendering has no variables left; a literal {@code ${…}} it holds is text, not a reference).
     */
    static Snapshot rendered(RenderedStack rendering) {
        return of(componentsOf(rendering.redacted()), StackVariables.NONE);
    }

    private static List<ComponentState> componentsOf(Stack stack) {
        List<ComponentState> components = new ArrayList<>();
        for (Component component : stack.components()) {
            ObjectNode content = Canonical.JSON.valueToTree(NullValue.toJavaNulls(component.toTree()));
            content.remove("name");
            components.add(new ComponentState(
                    component.name(), content, component.dependsOn(), Set.copyOf(component.secretPointers())));
        }
        return components;
    }
}
