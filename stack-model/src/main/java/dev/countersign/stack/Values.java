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
 * {@code String}, {@code Long}, {@code BigDecimal} and {@code Boolean}; no nulls.
 */
final class Values {
    private Values() {}

    /** Deep-copies a tree into unmodifiable collections with normalised numbers. */
    static Object freeze(Object value, String pointer) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map, pointer);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(freeze(nonNull(list.get(i), pointer + "/" + i), pointer + "/" + i));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return normalise(number, pointer);
        }
        throw new InvalidStackException(
                pointer, "unsupported value type " + value.getClass().getSimpleName());
    }

    /** Deep-copies a map tree; keys must be strings. */
    static Map<String, Object> freezeMap(Map<?, ?> map, String pointer) {
        var copy = new LinkedHashMap<String, Object>();
        for (var entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new InvalidStackException(pointer, "map keys must be strings");
            }
            String child = pointer + "/" + Pointers.escape(key);
            copy.put(key, freeze(nonNull(entry.getValue(), child), child));
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

    private static Object nonNull(@org.jspecify.annotations.Nullable Object value, String pointer) {
        if (value == null) {
            throw new InvalidStackException(pointer, "null values are not supported: remove the key or give a value");
        }
        return value;
    }
}
