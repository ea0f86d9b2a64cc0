package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders stacks for environments and redacts secrets. */
final class Renderer {
    private Renderer() {}

    static RenderedStack render(Stack stack, Environment environment, Map<String, Object> overrides) {
        var resolver = new Resolver(stack.variables(), environment.variables(), overrides);
        var trees = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < stack.components().size(); i++) {
            trees.add(resolveComponent(stack.components().get(i), resolver, "/spec/components/" + i));
        }
        if (!resolver.undefined().isEmpty()) {
            throw new UndefinedVariableException(resolver.undefined());
        }
        var components = new ArrayList<Component>();
        for (int i = 0; i < trees.size(); i++) {
            components.add(bind(trees.get(i), "/spec/components/" + i));
        }
        var carriers = SecretPlaces.carriers(stack, List.of(stack.variables(), environment.variables(), overrides));
        List<VariableUse> uses = resolver.uses().stream()
                .map(use -> carriers.contains(use.variable()) ? use.asSecret() : use)
                .toList();
        return new RenderedStack(new Stack(stack.name(), Map.of(), components), environment.name(), uses);
    }

    static Component redact(Component component) {
        Object tree = component.toTree();
        for (String pointer : component.secretPointers()) {
            if (Pointers.get(tree, pointer) != null) {
                tree = Pointers.with(tree, pointer, RenderedStack.REDACTED);
            }
        }
        return Component.fromTree(tree);
    }

    private static Map<String, Object> resolveComponent(Component component, Resolver resolver, String pointer) {
        var tree = new LinkedHashMap<>(component.toTree());
        String key = component.source().key();
        try {
            tree.put(key, resolver.resolve(component.source().toTree(), new Location(component.name(), "/" + key)));
        } catch (InvalidStackException e) {
            throw e.within(pointer);
        }
        return tree;
    }

    private static Component bind(Map<String, Object> tree, String pointer) {
        try {
            return Component.fromTree(tree);
        } catch (InvalidStackException e) {
            throw e.within(pointer);
        }
    }

    static List<String> referencedVariables(Stack stack) {
        var names = new java.util.LinkedHashSet<String>();
        for (Component component : stack.components()) {
            collect(component.source().toTree(), names);
        }
        return List.copyOf(names);
    }

    static void collect(Object node, java.util.Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collect(value, names));
        } else if (node instanceof String text && Template.isTemplated(text)) {
            Template.parse(text, "").references().forEach(ref -> names.add(ref.name()));
        }
    }
}
