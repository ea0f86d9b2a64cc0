package dev.countersign.stack;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A range of amounts, such as the nodes or the monthly cost of an autoscaling group; a fixed amount has {@code
 * min == max}. A difference of two spans ({@link #minus}) is taken end by end: the change of the lower end and
 * the change of the upper end, either possibly negative, and not ordered (a group going from 2 nodes to
 * autoscaling 0–4 changes by -2 and +2). So differences add up exactly. Immutable.
 *
 * @param min the lower end (of a difference: the change of the lower end)
 * @param max the upper end (of a difference: the change of the upper end)
 */
public record Span(BigDecimal min, BigDecimal max) {
    /** The span holding zero alone. */
    public static final Span ZERO = new Span(BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * Checks the ends are given.
     *
     * @param min the lower end
     * @param max the upper end
     */
    public Span {
        java.util.Objects.requireNonNull(min, "min");
        java.util.Objects.requireNonNull(max, "max");
    }

    /**
     * Returns the span of a fixed amount.
     *
     * @param amount the amount
     * @return the span {@code [amount, amount]}
     */
    public static Span of(BigDecimal amount) {
        return new Span(amount, amount);
    }

    /**
     * Returns this span scaled by a per-unit amount: {@code [min * each, max * each]}, exactly.
     *
     * @param each the amount per unit, zero or more
     * @return the product
     */
    public Span times(BigDecimal each) {
        return new Span(min.multiply(each), max.multiply(each));
    }

    /**
     * Returns the sum, end by end.
     *
     * @param other the other span
     * @return {@code [min + other.min, max + other.max]}
     */
    public Span plus(Span other) {
        return new Span(min.add(other.min), max.add(other.max));
    }

    /**
     * Returns the difference, end by end: how each end moves from {@code before} to this span.
     *
     * @param before the span before
     * @return {@code [min - before.min, max - before.max]}
     */
    public Span minus(Span before) {
        return new Span(min.subtract(before.min), max.subtract(before.max));
    }

    /**
     * Tells whether the span holds one amount.
     *
     * @return true when {@code min == max} numerically
     */
    public boolean isFixed() {
        return min.compareTo(max) == 0;
    }

    /**
     * Returns the span as text, each end rounded half-up to a number of decimal places: {@code 3} or {@code 0–4};
     * a difference ({@code signed}) shows signs and both ends' changes, such as {@code +1} or {@code -2/+2}.
     *
     * @param scale the decimal places shown
     * @param signed whether this is a difference (signs shown; ends separated by {@code /})
     * @return the text
     */
    public String format(int scale, boolean signed) {
        String low = end(min, scale, signed);
        return isFixed() ? low : low + (signed ? "/" : "–") + end(max, scale, signed);
    }

    private static String end(BigDecimal value, int scale, boolean signed) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        return (signed && rounded.signum() > 0 ? "+" : "") + rounded.toPlainString();
    }
}
