package dev.countersign.mcp.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the call's own argument values out of a refusal, so no error message repeats what the model
 * sent (which may hold a value that belongs at a secret place). Strings of eight characters or more
 * are replaced by {@code [argument]}; shorter ones are names and words the model can be told.
 */
final class Echoes {
    private static final int SHORTEST = 8;
    private static final String MARK = "[argument]";

    private Echoes() {}

    static Outcome without(Outcome outcome, Map<String, Object> arguments) {
        List<String> values = new ArrayList<>();
        collect(arguments.values(), values);
        values.sort((a, b) -> b.length() - a.length());
        var data = new LinkedHashMap<String, Object>();
        outcome.data().forEach((k, v) -> data.put(k, v instanceof String s ? scrub(s, values) : v));
        return new Outcome(scrub(outcome.text(), values), data, true);
    }

    private static void collect(Collection<?> items, List<String> into) {
        for (Object item : items) {
            if (item instanceof String s && s.length() >= SHORTEST) {
                into.add(s);
                s.lines()
                        .filter(line -> line.strip().length() >= SHORTEST)
                        .map(String::strip)
                        .forEach(into::add);
            } else if (item instanceof Map<?, ?> map) {
                collect(map.values(), into);
            } else if (item instanceof Collection<?> list) {
                collect(list, into);
            }
        }
    }

    private static String scrub(String text, List<String> values) {
        String out = text;
        for (String value : values) {
            out = out.replace(value, MARK);
        }
        return out;
    }
}
