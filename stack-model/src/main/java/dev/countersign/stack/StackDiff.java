package dev.countersign.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The difference between two versions of a stack: components added, removed and changed, with each
 * changed value as a JSON pointer and its old and new value. Secret values show as changed, never
 * in plaintext. Immutable.
 *
 * @param added the names of components only in the new version, in its order
 * @param removed the names of components only in the old version, in its order
 * @param changed per component present in both, its value changes (pointers relative to the component)
 * @param variables changes to the stack's variable defaults (pointers relative to {@code spec.variables})
 */
public record StackDiff(
        List<String> added, List<String> removed, Map<String, List<ValueChange>> changed, List<ValueChange> variables) {
    /**
     * Copies the fields.
     *
     * @param added the names of components only in the new version, in its order
     * @param removed the names of components only in the old version, in its order
     * @param changed per component present in both, its value changes
     * @param variables changes to the stack's variable defaults
     */
    public StackDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        var copy = new LinkedHashMap<String, List<ValueChange>>();
        changed.forEach((name, changes) -> copy.put(name, List.copyOf(changes)));
        changed = Collections.unmodifiableMap(copy);
        variables = List.copyOf(variables);
    }

    /**
     * Compares two versions of a stack.
     *
     * @param before the old version
     * @param after the new version
     * @return the differences; empty when the versions are equal
     */
    public static StackDiff between(Stack before, Stack after) {
        var added = new ArrayList<String>();
        var changed = new LinkedHashMap<String, List<ValueChange>>();
        for (Component component : after.components()) {
            var old = before.component(component.name());
            if (old.isEmpty()) {
                added.add(component.name());
            } else {
                List<ValueChange> changes = compare(old.get(), component);
                if (!changes.isEmpty()) {
                    changed.put(component.name(), changes);
                }
            }
        }
        var removed = before.componentNames().stream()
                .filter(name -> after.component(name).isEmpty())
                .toList();
        var secretVariables = new LinkedHashSet<>(SecretPlaces.variables(before));
        secretVariables.addAll(SecretPlaces.variables(after));
        var variables =
                Differ.diff(before.variables(), after.variables(), path -> secretVariables.contains(firstToken(path)));
        return new StackDiff(added, removed, changed, variables);
    }

    /**
     * Returns whether the versions are equal.
     *
     * @return true when nothing was added, removed or changed
     */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && variables.isEmpty();
    }

    /**
     * Returns this diff as a plain tree: {@code added}, {@code removed}, {@code changed} (component to
     * list of changes) and {@code variables}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("added", added);
        tree.put("removed", removed);
        var components = new LinkedHashMap<String, Object>();
        changed.forEach((name, changes) ->
                components.put(name, changes.stream().map(ValueChange::toTree).toList()));
        tree.put("changed", components);
        tree.put("variables", variables.stream().map(ValueChange::toTree).toList());
        return tree;
    }

    private static List<ValueChange> compare(Component before, Component after) {
        Predicate<String> secret = path -> before.isSecret(path) || after.isSecret(path);
        return Differ.diff(before.toTree(), after.toTree(), secret);
    }

    private static String firstToken(String path) {
        List<String> tokens = Pointers.tokens(path);
        return tokens.isEmpty() ? "" : tokens.get(0);
    }
}
