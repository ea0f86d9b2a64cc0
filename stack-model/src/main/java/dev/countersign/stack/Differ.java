package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Structural diff of plain value trees: maps by key, lists by index, everything else by equality. */
final class Differ {
    private Differ() {}

    static List<ValueChange> diff(Object before, Object after, Predicate<String> secret) {
        var changes = new ArrayList<ValueChange>();
        walk("", before, after, secret, changes);
        return changes;
    }

    private static void walk(
            String path,
            @Nullable Object before,
            @Nullable Object after,
            Predicate<String> secret,
            List<ValueChange> out) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
            var keys = new LinkedHashSet<Object>(a.keySet());
            keys.addAll(b.keySet());
            for (Object key : keys) {
                walk(path + "/" + Pointers.escape((String) key), a.get(key), b.get(key), secret, out);
            }
        } else if (before instanceof List<?> a && after instanceof List<?> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "/" + i, i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, secret, out);
            }
        } else {
            out.add(change(path, before, after, secret.test(path)));
        }
    }

    private static ValueChange change(String path, @Nullable Object before, @Nullable Object after, boolean secret) {
        if (!secret) {
            return new ValueChange(path, before, after, false);
        }
        return new ValueChange(
                path,
                before == null ? null : RenderedStack.REDACTED,
                after == null ? null : RenderedStack.REDACTED,
                true);
    }
}
