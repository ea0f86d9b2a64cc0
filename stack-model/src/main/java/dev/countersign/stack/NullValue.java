package dev.countersign.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The explicit {@code null} of a Helm values tree: {@code key: null} deletes a chart's default for that key (Helm's
 * "Deleting a default key"). It is the only null a value tree may hold, and only under a Helm component's
 * {@code values}; manifests, variables and every other field reject it. It is written back as {@code null} in YAML,
 * JSON and the canonical JSON that is hashed, so Flux's {@code values} and Argo CD's {@code valuesObject} carry it.
 * Immutable.
 */
public enum NullValue {
    /** The one null. */
    NULL;

    /**
     * Returns a copy of a plain value tree with every {@link #NULL} replaced by a Java {@code null}, for a JSON
     * library that writes a Java {@code null} as JSON {@code null} (a data-binding mapper would write this enum as
     * the string {@code "NULL"} instead).
     *
     * @param tree a plain value tree, such as {@link Stack#toTree()}
     * @return an unmodifiable copy (maps keep their order), or {@code null} when the tree is {@link #NULL} itself
     */
    public static @Nullable Object toJavaNulls(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, @Nullable Object>();
            map.forEach((key, value) -> copy.put(key, toJavaNulls(value)));
            return Collections.unmodifiableMap(copy);
        }
        if (tree instanceof List<?> list) {
            var copy = new ArrayList<@Nullable Object>(list.size());
            list.forEach(item -> copy.add(toJavaNulls(item)));
            return Collections.unmodifiableList(copy);
        }
        return tree == NULL ? null : tree;
    }

    /** Returns {@code null}, as YAML and JSON spell it. */
    @Override
    public String toString() {
        return "null";
    }
}
