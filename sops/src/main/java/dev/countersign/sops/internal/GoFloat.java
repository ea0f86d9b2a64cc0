package dev.countersign.sops.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's float64 text forms: {@code strconv.FormatFloat(f, 'f', -1, 64)}, JSON and parsing. */
final class GoFloat {
    private GoFloat() {}

    /**
     * Formats like Go's {@code 'f', -1}: shortest round-trip digits, never an exponent.
     *
     * @param value the value
     * @return the text, e.g. {@code 0.5}, {@code 7}, {@code +Inf}
     */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        return shortest(value).toPlainString();
    }

    /**
     * Formats like Go's {@code encoding/json}: plain between 1e-6 and 1e21, otherwise an exponent
     * with at least one digit ({@code 1e+21}, {@code 1e-7}).
     *
     * @param value a finite value
     * @return the JSON number text
     */
    static String formatJson(double value) {
        double abs = Math.abs(value);
        if (value == 0 || (abs >= 1e-6 && abs < 1e21)) {
            return format(value);
        }
        BigDecimal digits = shortest(value);
        String unscaled = digits.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - digits.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /**
     * Parses like Go's {@code strconv.ParseFloat(s, 64)} for the forms sops writes and reads.
     *
     * @param text the text
     * @return the value
     * @throws NumberFormatException when the text is not a float
     */
    static double parse(String text) {
        String body = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!body.matches("(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new NumberFormatException("not a float");
        }
        return Double.parseDouble(text);
    }

    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
