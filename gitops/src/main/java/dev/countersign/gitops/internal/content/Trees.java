package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.content.VariableValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** JSON pointers into plain value trees, and the redaction of secret places. */
final class Trees {
    /** A value that only references variables, such as {@code ${db_password}}: it holds no secret itself. */
    private static final Pattern REFERENCES = Pattern.compile("(\\$\\{[A-Za-z_][A-Za-z0-9_]*\\})+");

    private Trees() {}

    static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    static @Nullable Object at(@Nullable Object tree, String pointer) {
        Object node = tree;
        for (String token : tokens(pointer)) {
            node = child(node, token);
        }
        return node;
    }

    /** Returns a copy of the tree with the value at the pointer replaced; the tree itself when nothing is there. */
    static Object replaced(Object tree, String pointer, UnaryOperator<Object> replacement) {
        return replaced(tree, tokens(pointer), 0, replacement);
    }

    /** Redacts every value below a secret place that is not a pure variable reference. */
    static Object redacted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(key, redacted(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Trees::redacted).toList();
        }
        return value instanceof String text && REFERENCES.matcher(text).matches() ? text : VariableValue.REDACTED;
    }

    private static Object replaced(Object node, List<String> tokens, int at, UnaryOperator<Object> replacement) {
        if (at == tokens.size()) {
            return replacement.apply(node);
        }
        Object child = child(node, tokens.get(at));
        if (child == null) {
            return node;
        }
        Object changed = replaced(child, tokens, at + 1, replacement);
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(tokens.get(at), changed);
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) node);
        copy.set(Integer.parseInt(tokens.get(at)), changed);
        return copy;
    }

    private static @Nullable Object child(@Nullable Object node, String token) {
        if (node instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (node instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")) {
            int index = Integer.parseInt(token);
            return index < list.size() ? list.get(index) : null;
        }
        return null;
    }
}
