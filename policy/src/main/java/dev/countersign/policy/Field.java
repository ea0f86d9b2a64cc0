package dev.countersign.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A node of a policy document together with its dotted path, for strict reading with clear errors. */
record Field(JsonNode node, String path) {
    InvalidPolicyException invalid(String problem) {
        return new InvalidPolicyException(path, problem);
    }

    Field object(Set<String> allowedKeys) {
        if (!node.isObject()) {
            throw invalid("must be a mapping, was " + type());
        }
        for (String key : node.propertyNames()) {
            if (!allowedKeys.contains(key)) {
                throw invalid("unknown key '" + key + "': allowed keys are " + new java.util.TreeSet<>(allowedKeys));
            }
        }
        return this;
    }

    @Nullable
    Field optional(String key) {
        JsonNode child = node.get(key);
        return child == null || child.isNull() ? null : new Field(child, path + "." + key);
    }

    Field required(String key) {
        Field child = optional(key);
        if (child == null) {
            throw invalid("missing required key '" + key + "'");
        }
        return child;
    }

    String text() {
        if (!node.isString()) {
            throw invalid("must be a string, was " + type());
        }
        return node.stringValue();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw invalid("must be true or false, was " + type());
        }
        return node.booleanValue();
    }

    int integer(int min, int max) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid("must be a whole number, was " + type());
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw invalid(value + " is out of range: must be between " + min + " and " + max);
        }
        return value;
    }

    List<Field> items() {
        if (!node.isArray()) {
            throw invalid("must be a list, was " + type());
        }
        List<Field> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new Field(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    <T> Set<T> uniqueList(BiFunction<Field, String, T> reader) {
        Set<T> values = new LinkedHashSet<>();
        for (Field item : items()) {
            if (!values.add(reader.apply(item, item.text()))) {
                throw item.invalid("'" + item.text() + "' is listed twice");
            }
        }
        return values;
    }

    Map<String, Field> entries() {
        if (!node.isObject()) {
            throw invalid("must be a mapping, was " + type());
        }
        Map<String, Field> entries = new LinkedHashMap<>();
        node.properties().forEach(e -> entries.put(e.getKey(), new Field(e.getValue(), path + "." + e.getKey())));
        return entries;
    }

    private String type() {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
