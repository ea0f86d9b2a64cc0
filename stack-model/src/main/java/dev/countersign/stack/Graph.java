package dev.countersign.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Structural checks of a stack's dependency graph: unique names, known targets, no cycle. */
final class Graph {
    private Graph() {}

    static void check(List<Component> components) {
        var byName = new HashMap<String, Component>();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            if (byName.put(component.name(), component) != null) {
                throw new InvalidStackException(
                        "/spec/components/" + i + "/name", "duplicate component name '" + component.name() + "'");
            }
        }
        for (Component component : components) {
            for (String dependency : component.dependsOn()) {
                if (!byName.containsKey(dependency)) {
                    throw new UnknownDependencyException(component.name(), dependency);
                }
            }
        }
        var done = new HashSet<String>();
        for (Component component : components) {
            visit(component.name(), byName, new ArrayList<>(), done);
        }
    }

    private static void visit(String name, Map<String, Component> byName, List<String> path, Set<String> done) {
        int at = path.indexOf(name);
        if (at >= 0) {
            var cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            throw new DependencyCycleException(cycle);
        }
        if (!done.add(name)) {
            return;
        }
        path.add(name);
        for (String dependency :
                java.util.Objects.requireNonNull(byName.get(name)).dependsOn()) {
            visit(dependency, byName, path, done);
        }
        path.remove(path.size() - 1);
    }
}
