package dev.countersign.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed values of {@code --set name=value}: integers and booleans as such, everything else text. */
final class Overrides {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private Overrides() {}

    static Map<String, Object> typed(Map<String, String> raw) {
        var typed = new LinkedHashMap<String, Object>();
        raw.forEach((name, value) -> typed.put(name, type(value)));
        return typed;
    }

    static Object type(String value) {
        if (INTEGER.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }
}
