package dev.countersign.stack;

import dev.countersign.dag.CycleException;
import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import java.util.HashSet;
import java.util.List;

/** A stack's dependency graph: unique names, known targets, no cycle; built on the dag module. */
final class Graph {
    private Graph() {}

    /** Checks the components and returns their graph, ties broken by component name. */
    static Dag<String> of(List<Component> components) {
        var names = new HashSet<String>();
        for (int i = 0; i < components.size(); i++) {
            if (!names.add(components.get(i).name())) {
                throw new InvalidStackException(
                        "/spec/components/" + i + "/name",
                        "duplicate component name '" + components.get(i).name() + "'");
            }
        }
        DagBuilder<String> builder = Dag.<String>builder().nodes(names);
        for (Component component : components) {
            for (String dependency : component.dependsOn()) {
                if (!names.contains(dependency)) {
                    throw new UnknownDependencyException(component.name(), dependency);
                }
                builder.dependsOn(component.name(), dependency);
            }
        }
        try {
            return builder.build();
        } catch (CycleException e) {
            throw new DependencyCycleException(
                    e.cycle().stream().map(String::valueOf).toList(), e);
        }
    }
}
