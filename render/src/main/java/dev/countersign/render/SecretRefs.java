package dev.countersign.render;

import dev.countersign.render.spi.RenderRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link RenderRequest#secretPlaceholder(String) placeholders} of secret variables in a value
 * tree, and turns them into Flux post-build references ({@code $}{name}), escaping every other literal
 * dollar-brace with a second dollar so that Flux leaves it alone.
 */
final class SecretRefs {
    private static final String MARK = RenderRequest.secretPlaceholder("");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            Pattern.quote(MARK.substring(0, MARK.length() - 1)) + "([A-Za-z_][A-Za-z0-9_]*)" + Pattern.quote("\u0000"));

    private SecretRefs() {}

    /** Returns whether a tree holds a placeholder anywhere, keys included. */
    static boolean any(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> any(e.getKey()) || any(e.getValue()));
        }
        if (tree instanceof List<?> list) {
            return list.stream().anyMatch(SecretRefs::any);
        }
        return tree instanceof String text && PLACEHOLDER.matcher(text).find();
    }

    /** Returns the variable when the value is exactly one placeholder. */
    static Optional<String> sole(Object value) {
        if (value instanceof String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** Returns a copy with literal dollar-braces escaped and every placeholder written as a Flux reference. */
    static Object substituted(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> copy.put((String) substituted(key), substituted(value)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(substituted(item)));
            return copy;
        }
        if (tree instanceof String text) {
            return PLACEHOLDER
                    .matcher(text.replace("${", "$${"))
                    .replaceAll(m -> Matcher.quoteReplacement("${" + m.group(1) + "}"));
        }
        return tree;
    }
}
