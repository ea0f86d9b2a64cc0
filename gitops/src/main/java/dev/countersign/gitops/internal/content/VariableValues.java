package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.content.VariableValue;
import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.stack.Component;
import dev.countersign.stack.Location;
import dev.countersign.stack.RenderedStack;
import dev.countersign.stack.Scope;
import dev.countersign.stack.VariableUse;
import java.util.List;
import java.util.Objects;

/** The variable uses of a rendered stack with the value that lands at each place and the file that set it. */
final class VariableValues {
    private VariableValues() {}

    static List<VariableValue> of(RenderedStack rendered, String environment, String stack) {
        return rendered.uses().stream()
                .map(use -> value(rendered, use, environment, stack))
                .toList();
    }

    private static VariableValue value(RenderedStack rendered, VariableUse use, String environment, String stack) {
        Location at = use.location();
        Component component = rendered.stack().component(at.component()).orElse(null);
        boolean secret = use.secret() || component == null || component.isSecret(at.pointer());
        Object value = component == null ? null : Trees.at(component.toTree(), at.pointer());
        return new VariableValue(
                use.variable(),
                at.toString(),
                use.source().label(),
                source(use.source(), environment, stack),
                Objects.requireNonNullElse(value, ""),
                secret);
    }

    private static String source(Scope scope, String environment, String stack) {
        String folder = Layout.stackFolder(environment, stack);
        return switch (scope) {
            case ENVIRONMENT -> Layout.environmentFile(environment);
            case OVERRIDE -> Layout.fileIn(folder, StackLayout.SECRETS);
            case STACK_DEFAULT, INLINE_DEFAULT -> Layout.fileIn(folder, StackLayout.STACK);
        };
    }
}
