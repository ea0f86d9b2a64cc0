package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.ComponentDiff;
import dev.countersign.stack.Component;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The components a proposal adds, changes and removes, as unified hunks of their YAML documents. */
final class ComponentDiffs {
    private ComponentDiffs() {}

    static List<ComponentDiff> of(Stack before, Stack after) {
        List<ComponentDiff> diffs = new ArrayList<>();
        for (Component component : after.components()) {
            Optional<Component> old = before.component(component.name());
            String was = old.map(ComponentDiffs::yaml).orElse("");
            String now = yaml(component);
            if (!was.equals(now)) {
                Change change = old.isPresent() ? Change.CHANGED : Change.ADDED;
                diffs.add(new ComponentDiff(component.name(), change, UnifiedDiff.of(was, now)));
            }
        }
        before.components().stream()
                .filter(component -> after.component(component.name()).isEmpty())
                .forEach(component -> diffs.add(
                        new ComponentDiff(component.name(), Change.REMOVED, UnifiedDiff.of(yaml(component), ""))));
        return diffs;
    }

    /** The component's document as YAML, its secret places redacted unless they only reference variables. */
    static String yaml(Component component) {
        Object tree = component.toTree();
        for (String pointer : component.secretPointers()) {
            tree = Trees.replaced(tree, pointer, Trees::redacted);
        }
        return StackFiles.toYaml(List.of(tree));
    }
}
