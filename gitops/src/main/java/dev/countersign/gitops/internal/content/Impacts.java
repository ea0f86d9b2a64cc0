package dev.countersign.gitops.internal.content;

import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.ComponentDiff;
import dev.countersign.gitops.content.Impact;
import dev.countersign.stack.Component;
import dev.countersign.stack.Stack;
import java.util.List;
import java.util.TreeSet;

/** The blast radius of a proposal: what depends on each component it changes or removes. */
final class Impacts {
    private Impacts() {}

    static List<Impact> of(Stack before, Stack after, List<ComponentDiff> components) {
        Dag<String> recorded = graph(before);
        Dag<String> proposed = graph(after);
        return components.stream()
                .filter(diff -> diff.change() != Change.ADDED)
                .map(diff -> new Impact(
                        diff.name(),
                        diff.change(),
                        List.copyOf(new TreeSet<>(
                                (diff.change() == Change.REMOVED ? recorded : proposed).dependentsOf(diff.name())))))
                .sorted(java.util.Comparator.comparing(Impact::component))
                .toList();
    }

    private static Dag<String> graph(Stack stack) {
        DagBuilder<String> builder = Dag.builder();
        builder.nodes(stack.componentNames());
        for (Component component : stack.components()) {
            component.dependsOn().forEach(dependency -> builder.dependsOn(component.name(), dependency));
        }
        return builder.build();
    }
}
