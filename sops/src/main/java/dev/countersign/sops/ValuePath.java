package dev.countersign.sops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path to a value inside a document, written as sops writes it: {@code ["app"]["db"][0]}. String
 * steps are map keys, number steps are list indices. Immutable.
 *
 * @param steps the steps: {@link String} keys and {@link Integer} indices
 */
public record ValuePath(List<Object> steps) {
    private static final Pattern STEP = Pattern.compile("\\[(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\d+))\\]");

    /**
     * Validates and copies the steps.
     *
     * @param steps the steps
     * @throws IllegalArgumentException when there are no steps or a step is neither a key nor an index
     */
    public ValuePath {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.stream().anyMatch(s -> !(s instanceof String) && !(s instanceof Integer))) {
            throw new IllegalArgumentException("invalid value path: need at least one key or index step");
        }
    }

    /**
     * Parses the sops notation.
     *
     * @param text e.g. {@code ["a"]["b"][0]}
     * @return the path
     * @throws IllegalArgumentException when the text is not in that notation
     */
    public static ValuePath parse(String text) {
        Matcher m = STEP.matcher(text);
        List<Object> steps = new ArrayList<>();
        int at = 0;
        while (m.find() && m.start() == at) {
            steps.add(m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : Integer.valueOf(m.group(2)));
            at = m.end();
        }
        if (at != text.length() || steps.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid value path '" + text + "': must be steps like [\"key\"] or [0], e.g. [\"a\"][\"b\"][0]");
        }
        return new ValuePath(steps);
    }

    /**
     * Creates a path of map keys.
     *
     * @param keys the keys from the root
     * @return the path
     */
    public static ValuePath of(String... keys) {
        return new ValuePath(List.of((Object[]) keys));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        steps.forEach(s -> out.append(s instanceof String ? "[\"" + s + "\"]" : "[" + s + "]"));
        return out.toString();
    }
}
