package dev.countersign.testkit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Values for stacks drawn straight from QuickTheories' randomness, so that every choice shrinks. */
final class Draws {
    static final List<String> VARIABLES = List.of("alpha", "beta", "gamma", "delta");
    private static final List<String> KEYS =
            List.of("name", "replicas", "image", "a/b", "x~y", "on", "enabled", "nested key", "é");
    /** Strings YAML readers get wrong: booleans of YAML 1.1, numbers, indicators, quotes, blanks. */
    private static final List<String> WORDS = List.of(
            "x",
            "hello world",
            "yes",
            "no",
            "on",
            "off",
            "true",
            "null",
            "~",
            "1.0",
            "0x1F",
            "007",
            "-",
            "a: b",
            "# not a comment",
            "'quoted'",
            "\"double\"",
            "é ü ß",
            "line\nbreak",
            "  padded  ",
            "[x]",
            "{y}",
            "*star",
            "&amp",
            "!bang",
            "%pct",
            "@at",
            "`tick`",
            "2026-11-24",
            "");

    private Draws() {}

    static int pick(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    static boolean oneIn(RandomnessSource in, int n) {
        return pick(in, 0, n - 1) == 0;
    }

    /** A variable map over {@link #VARIABLES} with at least {@code minimum} entries. */
    static Map<String, Object> variables(RandomnessSource in, int minimum) {
        var variables = new LinkedHashMap<String, Object>();
        for (String name : VARIABLES) {
            if (variables.size() < minimum || oneIn(in, 2)) {
                variables.put(name, scalar(in, false));
            }
        }
        return variables;
    }

    /** A map of up to three entries, nesting maps and lists {@code depth} levels deep. */
    static Map<String, Object> map(RandomnessSource in, int depth) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0, n = pick(in, 0, 3); i < n; i++) {
            map.put(KEYS.get(pick(in, 0, KEYS.size() - 1)), value(in, depth));
        }
        return map;
    }

    private static Object value(RandomnessSource in, int depth) {
        return switch (pick(in, 0, depth > 0 ? 5 : 3)) {
            case 0, 1, 2, 3 -> scalar(in, true);
            case 4 -> map(in, depth - 1);
            default -> List.of(value(in, depth - 1), value(in, depth - 1)).subList(0, pick(in, 0, 2));
        };
    }

    /** A string, integer, boolean or decimal; with {@code references}, also references with defaults. */
    private static Object scalar(RandomnessSource in, boolean references) {
        return switch (pick(in, 0, references ? 6 : 4)) {
            case 0 -> WORDS.get(pick(in, 0, WORDS.size() - 1));
            case 1 -> (long) pick(in, -1000, 1000);
            case 2 -> oneIn(in, 2);
            case 3 ->
                new BigDecimal(pick(in, -999, 999))
                        .movePointLeft(pick(in, 1, 3))
                        .stripTrailingZeros();
            case 4 -> "text-" + pick(in, 0, 99);
            case 5 -> "${" + VARIABLES.get(pick(in, 0, 3)) + ":=fallback}";
            default -> "pre-${" + VARIABLES.get(pick(in, 0, 3)) + ":=d}-post";
        };
    }

    /** Escapes a map key as one RFC 6901 pointer token. */
    static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
