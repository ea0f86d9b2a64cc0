package dev.countersign.gitops.internal;

import dev.countersign.stack.Component;
import dev.countersign.stack.Stack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variables a stack uses in the {@code data} of Kubernetes {@code Secret}s, whose values are base64. */
final class DataVariables {
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:=[^}]*)?}");

    private DataVariables() {}

    static Set<String> of(Stack stack) {
        Set<String> names = new TreeSet<>();
        for (Component component : stack.components()) {
            if (component.toTree().get("manifests") instanceof List<?> manifests) {
                manifests.forEach(body -> collect(body, names));
            }
        }
        return names;
    }

    private static void collect(Object body, Set<String> names) {
        if (body instanceof Map<?, ?> map
                && "v1".equals(map.get("apiVersion"))
                && "Secret".equals(map.get("kind"))
                && map.get("data") instanceof Map<?, ?> data) {
            for (Object value : data.values()) {
                Matcher matcher = REFERENCE.matcher(String.valueOf(value));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
    }
}
