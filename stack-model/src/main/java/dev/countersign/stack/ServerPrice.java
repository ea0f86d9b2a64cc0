package dev.countersign.stack;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one server type of a price catalogue offers and costs: vCPUs, memory, GPUs and its price in the
 * catalogue's currency. Immutable.
 *
 * @param vcpu the virtual CPUs, zero or more
 * @param memoryGiB the memory in GiB, zero or more
 * @param gpu the GPUs, zero or more
 * @param hourly the price per hour, or null when the catalogue gives none
 * @param monthly the price per month (the figure every cost is computed from)
 */
public record ServerPrice(
        int vcpu, BigDecimal memoryGiB, int gpu, @Nullable BigDecimal hourly, BigDecimal monthly) {
    /** The most vCPUs or GPUs a server type may list. */
    public static final int MAX_UNITS = 100_000;

    /** The most decimal places a price or a memory size may have. */
    public static final int MAX_SCALE = 6;

    private static final BigDecimal CEILING = BigDecimal.TEN.pow(12);

    /**
     * Validates the fields; pointers are relative to the server type's entry.
     *
     * @param vcpu the virtual CPUs
     * @param memoryGiB the memory in GiB
     * @param gpu the GPUs
     * @param hourly the hourly price, or null
     * @param monthly the monthly price
     * @throws InvalidStackException if a number is negative, not below 10^12, or has more than {@value #MAX_SCALE}
     *     decimal places
     */
    public ServerPrice {
        units("/vcpu", "vcpu", vcpu);
        units("/gpu", "gpu", gpu);
        memoryGiB = plain(nonNegative("/memoryGiB", "memoryGiB", memoryGiB));
        hourly = hourly == null ? null : nonNegative("/hourly", "hourly", hourly);
        monthly = nonNegative("/monthly", "monthly", monthly);
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("vcpu", (long) vcpu);
        tree.put("memoryGiB", memoryGiB);
        tree.put("gpu", (long) gpu);
        BigDecimal perHour = hourly;
        if (perHour != null) {
            tree.put("hourly", perHour.toPlainString());
        }
        tree.put("monthly", monthly.toPlainString());
        return tree;
    }

    /** A size without trailing zeros, so {@code 8}, {@code "8.0"} and {@code 8.00} are one value. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void units(String pointer, String what, int value) {
        if (value < 0 || value > MAX_UNITS) {
            throw new InvalidStackException(pointer, what + " " + value + " must lie between 0 and " + MAX_UNITS);
        }
    }

    private static BigDecimal nonNegative(String pointer, String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0
                || value.compareTo(CEILING) >= 0
                || value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new InvalidStackException(
                    pointer,
                    what + " " + Excerpt.of(value.toString()) + " must be a number from 0 below 10^12 with at"
                            + " most " + MAX_SCALE + " decimal places");
        }
        return value;
    }
}
