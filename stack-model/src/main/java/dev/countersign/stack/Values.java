package dev.countersign.stack;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain value trees: {@code Map<String, Object>} (insertion ordered), {@code List<Object>},
 * {@code String}, {@code Long}, {@code BigDecimal} and {@code Boolean}; no nulls, except {@link NullValue#NULL}
 * in Helm values and in trees written out ({@link #freezeWithNulls}).
 */
final class Values {
    private Values() {}

    /** Deep-copies a tree into unmodifiable collections with normalised numbers; a null anywhere is rejected. */
    static Object freeze(Object value, String pointer) {
        return freeze(value, pointer, false);
    }

    /**
     * Deep-copies a tree as {@link #freeze} does, but keeps Helm's explicit nulls ({@code null} becomes {@link
     * NullValue#NULL}): for Helm values, and for trees being written out.
     */
    static Object freezeWithNulls(Object value, String pointer) {
        return freeze(value, pointer, true);
    }

    /** Deep-copies a map tree, keeping Helm's explicit nulls. */
    static Map<String, Object> freezeMapWithNulls(Map<?, ?> map, String pointer) {
        return freezeMap(map, pointer, true);
    }

    private static Object freeze(Object value, String pointer, boolean nulls) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map, pointer, nulls);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(freeze(checked(list.get(i), pointer + "/" + i, nulls), pointer + "/" + i, nulls));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof String || value instanceof Boolean || value == NullValue.NULL) {
            return value;
        }
        if (value instanceof Number number) {
            return normalise(number, pointer);
        }
        throw new InvalidStackException(
                pointer, "unsupported value type " + value.getClass().getSimpleName());
    }

    /** Deep-copies a map tree; keys must be strings; a null anywhere is rejected. */
    static Map<String, Object> freezeMap(Map<?, ?> map, String pointer) {
        return freezeMap(map, pointer, false);
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map, String pointer, boolean nulls) {
        var copy = new LinkedHashMap<String, Object>();
        for (var entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new InvalidStackException(pointer, "map keys must be strings");
            }
            String child = pointer + "/" + Pointers.escape(key);
            copy.put(key, freeze(checked(entry.getValue(), child, nulls), child, nulls));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Normalises a number: integral values that fit become {@code Long}, others {@code BigDecimal}. */
    static Object normalise(Number number, String pointer) {
        BigDecimal decimal =
                Numbers.bounded(toDecimal(number, pointer), pointer).stripTrailingZeros();
        if (decimal.scale() <= 0 && decimal.compareTo(LONG_MIN) >= 0 && decimal.compareTo(LONG_MAX) <= 0) {
            return decimal.longValueExact();
        }
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    static boolean isScalar(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    /** Returns the text of a scalar, as interpolated into a longer string. */
    static String text(Object scalar) {
        return scalar instanceof BigDecimal decimal ? decimal.toPlainString() : scalar.toString();
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static BigDecimal toDecimal(Number number, String pointer) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidStackException(pointer, "numbers must be finite");
            }
            return new BigDecimal(Double.toString(d));
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static Object checked(@org.jspecify.annotations.Nullable Object value, String pointer, boolean nulls) {
        if (nulls) {
            return value == null ? NullValue.NULL : value;
        }
        if (value == null || value == NullValue.NULL) {
            throw new InvalidStackException(
                    pointer,
                    "null values are not supported here (only in Helm values): remove the key or give a value");
        }
        return value;
    }
}
