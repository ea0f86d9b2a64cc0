package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One changed value: its JSON pointer and the old and new values. Immutable.
 *
 * <p>A secret change carries {@link RenderedStack#REDACTED} in place of both values, so it shows
 * that the value changed and never what it is.
 *
 * @param path the JSON pointer, relative to the component (or to the stack's variables)
 * @param oldValue the value before, or null when it was added
 * @param newValue the value after, or null when it was removed
 * @param secret whether the value is secret (and so redacted here)
 */
public record ValueChange(
        String path, @Nullable Object oldValue, @Nullable Object newValue, boolean secret) {
    /**
     * Validates the change.
     *
     * @param path the JSON pointer, relative to the component (or to the stack's variables)
     * @param oldValue the value before, or null when it was added
     * @param newValue the value after, or null when it was removed
     * @param secret whether the value is secret (and so redacted here)
     * @throws IllegalArgumentException if both values are absent
     */
    public ValueChange {
        if (oldValue == null && newValue == null) {
            throw new IllegalArgumentException("a change at " + path + " needs an old or a new value");
        }
    }

    /**
     * Returns the value before the change.
     *
     * @return the old value, or empty when the value was added
     */
    public Optional<Object> before() {
        return Optional.ofNullable(oldValue);
    }

    /**
     * Returns the value after the change.
     *
     * @return the new value, or empty when the value was removed
     */
    public Optional<Object> after() {
        return Optional.ofNullable(newValue);
    }

    /**
     * Returns this change as a plain tree: {@code path}, {@code old} and {@code new} (each only when
     * present) and {@code secret} when true.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("path", path);
        before().ifPresent(value -> tree.put("old", value));
        after().ifPresent(value -> tree.put("new", value));
        if (secret) {
            tree.put("secret", true);
        }
        return tree;
    }

    @Override
    public String toString() {
        return path + ": " + show(oldValue) + " -> " + show(newValue);
    }

    private static String show(@Nullable Object value) {
        return value == null ? "(absent)" : StackFiles.toJson(value).strip();
    }
}
