package dev.countersign.policy;

import dev.countersign.stack.Component;
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

/** The components of one version of a stack, by name. */
record Snapshot(Map<String, ComponentState> components, List<VariableReference> unconfined) {
    static final Snapshot EMPTY = new Snapshot(Map.of());

    Snapshot {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        unconfined = List.copyOf(unconfined);
    }

    Snapshot(Map<String, ComponentState> components) {
        this(components, List.of());
    }

    static Snapshot of(Collection<ComponentState> components) {
        Map<String, ComponentState> byName = new LinkedHashMap<>();
        components.forEach(c -> byName.put(c.name(), c));
        return new Snapshot(byName);
    }

    Optional<ComponentState> component(String name) {
        return Optional.ofNullable(components.get(name));
    }

    /** Every object in every component, by {@link KubeObject#key()}. */
    Map<String, KubeObject> objects() {
        Map<String, KubeObject> objects = new LinkedHashMap<>();
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
        List<ComponentState> components = new ArrayList<>();
        for (Component component : stack.components()) {
            ObjectNode content = Canonical.JSON.valueToTree(component.toTree());
            content.remove("name");
            components.add(new ComponentState(
                    component.name(), content, component.dependsOn(), Set.copyOf(component.secretPointers())));
        }
        return new Snapshot(of(components).components(), SecretConfinementRule.unconfined(stack));
    }
}
