package dev.countersign.policy;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads an environment's {@code limits} and {@code agentCostStep}. */
final class SizingReader {
    private static final int MAX_COUNT = 10_000_000;
    private static final int MAX_SCALE = 6;
    private static final BigDecimal CEILING = BigDecimal.TEN.pow(12);

    private SizingReader() {}

    static Sizing sizing(@Nullable Field limits, @Nullable Field step) {
        Integer maxNodes = null;
        Integer maxWorkerVcpu = null;
        BigDecimal maxMonthlyCost = null;
        if (limits != null) {
            limits.object(Set.of("maxNodes", "maxWorkerVCPU", "maxMonthlyCost"));
            maxNodes = count(limits.optional("maxNodes"));
            maxWorkerVcpu = count(limits.optional("maxWorkerVCPU"));
            Field cost = limits.optional("maxMonthlyCost");
            maxMonthlyCost = cost == null ? null : money(cost);
        }
        return new Sizing(maxNodes, maxWorkerVcpu, maxMonthlyCost, step == null ? BigDecimal.ZERO : money(step));
    }

    private static @Nullable Integer count(@Nullable Field field) {
        return field == null ? null : field.integer(0, MAX_COUNT);
    }

    /** An amount of money, as a number or as a string such as "500.00", from 0 below 10^12. */
    private static BigDecimal money(Field field) {
        BigDecimal value = null;
        try {
            if (field.node().isString() && field.node().stringValue().length() <= 32) {
                value = new BigDecimal(field.node().stringValue().strip());
            } else if (field.node().isNumber()) {
                value = field.node().decimalValue();
            }
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null
                || value.signum() < 0
                || value.compareTo(CEILING) >= 0
                || value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw field.invalid("must be an amount of money from 0 below 10^12 with at most " + MAX_SCALE
                    + " decimal places, such as \"500.00\"");
        }
        return value;
    }
}
