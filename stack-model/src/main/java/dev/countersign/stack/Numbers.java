package dev.countersign.stack;

import dev.countersign.limits.InputLimits;
import java.math.BigDecimal;
import tools.jackson.core.JsonParser;

/**
 * Reads numbers from a document within the bounds Kubernetes accepts, before any unbounded
 * arithmetic: integers must fit an int64, decimals must be finite, have at most {@value #MAX_DIGITS}
 * significant digits and a decimal exponent between {@value #MIN_EXPONENT} and {@value #MAX_EXPONENT}
 * (the range of a float64, which is what a Kubernetes API server decodes a JSON decimal into).
 */
final class Numbers {
    /** The longest number text accepted, in characters. */
    static final int MAX_CHARS = InputLimits.NUMBER_CHARS;
    /** The most significant digits of a decimal. */
    static final int MAX_DIGITS = InputLimits.NUMBER_DIGITS;
    /** The largest decimal exponent (float64 tops out at about 1.8e308). */
    static final int MAX_EXPONENT = InputLimits.MAX_EXPONENT;
    /** The smallest decimal exponent (float64 bottoms out at about 4.9e-324). */
    static final int MIN_EXPONENT = InputLimits.MIN_EXPONENT;

    private static final String OUT_OF_RANGE = "number out of range: the decimal exponent must lie between "
            + MIN_EXPONENT + " and " + MAX_EXPONENT + " (the range of a float64)";

    private Numbers() {}

    /** Reads the current integer token; it must fit an int64. */
    static Object integer(JsonParser parser, String pointer) {
        checkLength(parser, pointer);
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidStackException(pointer, "integer out of range: integers must fit a signed 64-bit integer");
        }
        return parser.getLongValue();
    }

    /** Reads the current decimal token; it must be finite and within the float64 exponent range. */
    static Object decimal(JsonParser parser, String pointer) {
        if (parser.isNaN()) {
            throw new InvalidStackException(pointer, "NaN and infinities are not allowed: numbers must be finite");
        }
        checkLength(parser, pointer);
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (NumberFormatException e) {
            // an exponent beyond the int range (e.g. 1E99999999999): Jackson cannot build the BigDecimal
            throw new InvalidStackException(pointer, OUT_OF_RANGE);
        }
        return Values.normalise(value, pointer);
    }

    /** Checks a decimal's digits and exponent, which is cheap, before anything expands it. */
    static BigDecimal bounded(BigDecimal decimal, String pointer) {
        if (decimal.signum() == 0) {
            return decimal;
        }
        if (decimal.precision() > MAX_DIGITS) {
            throw new InvalidStackException(pointer, "number has more than " + MAX_DIGITS + " significant digits");
        }
        long exponent = (long) decimal.precision() - decimal.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
            throw new InvalidStackException(pointer, OUT_OF_RANGE);
        }
        return decimal;
    }

    private static void checkLength(JsonParser parser, String pointer) {
        if (parser.getString().length() > MAX_CHARS) {
            throw new InvalidStackException(pointer, "number longer than " + MAX_CHARS + " characters");
        }
    }
}
