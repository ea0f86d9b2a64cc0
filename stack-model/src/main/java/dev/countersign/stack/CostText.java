package dev.countersign.stack;

import java.util.Currency;

/** Writes the lines of a {@link CostReview}. */
final class CostText {
    private static final int AMOUNT_SCALE = 2;
    /** The scale argument asking for an amount (not money) shown to at most two places, trailing zeros dropped. */
    private static final int AMOUNT = -1;

    private CostText() {}

    static String line(Currency currency, CostReview.Line line) {
        Capacity before = line.before();
        Capacity after = line.after();
        Capacity change = line.change();
        int cents = Math.max(0, currency.getDefaultFractionDigits());
        return line.name() + "  nodes " + pair(before.nodes(), after.nodes(), change.nodes(), AMOUNT)
                + " · vCPU " + pair(before.vcpu(), after.vcpu(), change.vcpu(), AMOUNT)
                + " · memory GiB " + pair(before.memoryGiB(), after.memoryGiB(), change.memoryGiB(), AMOUNT)
                + " · GPUs " + pair(before.gpus(), after.gpus(), change.gpus(), AMOUNT)
                + " · billable worker vCPU "
                + pair(before.billableWorkerVcpu(), after.billableWorkerVcpu(), change.billableWorkerVcpu(), AMOUNT)
                + " · monthly " + currency.getCurrencyCode() + " "
                + pair(before.monthlyCost(), after.monthlyCost(), change.monthlyCost(), cents);
    }

    static boolean same(Capacity a, Capacity b) {
        return same(a.nodes(), b.nodes())
                && same(a.vcpu(), b.vcpu())
                && same(a.memoryGiB(), b.memoryGiB())
                && same(a.gpus(), b.gpus())
                && same(a.monthlyCost(), b.monthlyCost())
                && same(a.billableWorkerVcpu(), b.billableWorkerVcpu());
    }

    private static boolean same(Span a, Span b) {
        return a.min().compareTo(b.min()) == 0 && a.max().compareTo(b.max()) == 0;
    }

    /** Money keeps its minor unit ({@code 15.70}); other amounts drop trailing zeros ({@code 8}, {@code 0.5}). */
    private static String pair(Span before, Span after, Span change, int scale) {
        String text = show(before, scale, false) + " -> " + show(after, scale, false);
        boolean unchanged = change.min().signum() == 0 && change.max().signum() == 0;
        return unchanged ? text : text + " (" + show(change, scale, true) + ")";
    }

    private static String show(Span span, int scale, boolean signed) {
        if (scale != AMOUNT) {
            return span.format(scale, signed);
        }
        Span rounded = new Span(strip(span.min()), strip(span.max()));
        return rounded.format(Math.max(rounded.min().scale(), rounded.max().scale()), signed);
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal value) {
        java.math.BigDecimal rounded =
                value.setScale(AMOUNT_SCALE, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
