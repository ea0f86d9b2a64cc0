package dev.countersign.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change from a base (recorded) version of a stack to a proposed one, with its leaf edits; either as
 * written in the stack files, or {@code rendered}: as it will be applied in an environment, variables
 * resolved and secret values as placeholders.
 */
record Change(Snapshot base, Snapshot proposed, List<Edit> edits, boolean rendered) {
    Change {
        edits = List.copyOf(edits);
    }

    static Change between(Snapshot base, Snapshot proposed) {
        return new Change(base, proposed, edits(base, proposed), false);
    }

    /** The change between two renderings (see {@link Snapshot#rendered}). */
    static Change rendered(Snapshot base, Snapshot proposed) {
        return new Change(base, proposed, edits(base, proposed), true);
    }

    private static List<Edit> edits(Snapshot base, Snapshot proposed) {
        List<Edit> edits = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(base.components().keySet());
        names.addAll(proposed.components().keySet());
        for (String name : names) {
            diff(name, "", content(base, name), content(proposed, name), edits);
        }
        return edits;
    }

    Set<String> removedComponents() {
        Set<String> removed = new LinkedHashSet<>(base.components().keySet());
        removed.removeAll(proposed.components().keySet());
        return removed;
    }

    /** Components present in the base that this change removes or edits. */
    Set<String> touchedBaseComponents() {
        Set<String> touched = new LinkedHashSet<>();
        edits().stream()
                .map(Edit::component)
                .filter(base.components()::containsKey)
                .forEach(touched::add);
        return touched;
    }

    private static @Nullable JsonNode content(Snapshot snapshot, String name) {
        return snapshot.component(name).map(ComponentState::content).orElse(null);
    }

    private static void diff(
            String component, String pointer, @Nullable JsonNode before, @Nullable JsonNode after, List<Edit> out) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.getNodeType() == after.getNodeType() && before.isContainer()) {
            diffChildren(component, pointer, before, after, out);
        } else if (isContainer(before) || isContainer(after)) {
            split(component, pointer, before, out, true);
            split(component, pointer, after, out, false);
        } else {
            out.add(new Edit(component, pointer, before, after));
        }
    }

    private static void split(String component, String pointer, @Nullable JsonNode side, List<Edit> out, boolean old) {
        if (isContainer(side)) {
            diffChildren(component, pointer, old ? side : null, old ? null : side, out);
        } else if (side != null) {
            out.add(new Edit(component, pointer, old ? side : null, old ? null : side));
        }
    }

    private static void diffChildren(
            String component, String pointer, @Nullable JsonNode before, @Nullable JsonNode after, List<Edit> out) {
        Set<String> keys = new LinkedHashSet<>(children(before));
        keys.addAll(children(after));
        if (keys.isEmpty()) {
            out.add(new Edit(component, pointer, before, after));
        }
        for (String key : keys) {
            diff(component, pointer + "/" + key, child(before, key), child(after, key), out);
        }
    }

    private static boolean isContainer(@Nullable JsonNode node) {
        return node != null && node.isContainer();
    }

    private static List<String> children(@Nullable JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.propertyNames().forEach(k -> keys.add(k.replace("~", "~0").replace("/", "~1")));
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                keys.add(Integer.toString(i));
            }
        }
        return keys;
    }

    private static @Nullable JsonNode child(@Nullable JsonNode node, String key) {
        if (node == null || !node.isContainer()) {
            return null;
        }
        if (node.isArray()) {
            return node.get(Integer.parseInt(key));
        }
        return node.get(key.replace("~1", "/").replace("~0", "~"));
    }
}
