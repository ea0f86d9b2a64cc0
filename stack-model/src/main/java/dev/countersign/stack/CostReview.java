package dev.countersign.stack;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a topology change does to capacity and cost, as a reviewer sees it: before → after for the control plane,
 * for each node group (added and removed ones included) and in total. Immutable.
 *
 * @param currency the catalogue's currency
 * @param lines the control plane ({@value #CONTROL_PLANE}) and each node group, before and after
 * @param total the whole cluster before and after
 */
public record CostReview(Currency currency, List<Line> lines, Line total) {
    /** The name of the control plane's line (a node group name never has an upper-case letter). */
    public static final String CONTROL_PLANE = "controlPlane";

    /**
     * Copies the lines.
     *
     * @param currency the currency
     * @param lines the lines
     * @param total the total line
     */
    public CostReview {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the review: a part of the cluster before and after the change.
     *
     * @param name {@value #CONTROL_PLANE}, a node group's name, or {@code total}
     * @param before its capacity before ({@link Capacity#NONE} when it is added)
     * @param after its capacity after ({@link Capacity#NONE} when it is removed)
     */
    public record Line(String name, Capacity before, Capacity after) {
        /**
         * Returns the change from before to after.
         *
         * @return after minus before, end by end
         */
        public Capacity change() {
            return after.minus(before);
        }

        /**
         * Tells whether this part of the cluster changes in capacity or cost.
         *
         * @return true unless before and after are equal
         */
        public boolean changes() {
            return !CostText.same(before, after);
        }
    }

    /**
     * Compares the capacity and cost of two topologies under one catalogue.
     *
     * @param before the recorded topology, or null when there is none
     * @param after the proposed topology, or null when there is none
     * @param pricing the catalogue
     * @return the review
     * @throws UnknownServerTypeException if the catalogue lacks a server type either topology names
     */
    public static CostReview of(@Nullable Topology before, @Nullable Topology after, Pricing pricing) {
        TopologyCost was = TopologyCost.of(before, pricing);
        TopologyCost is = TopologyCost.of(after, pricing);
        var lines = new ArrayList<Line>();
        lines.add(new Line(CONTROL_PLANE, was.controlPlane(), is.controlPlane()));
        Set<String> names = new LinkedHashSet<>(was.nodeGroups().keySet());
        names.addAll(is.nodeGroups().keySet());
        for (String name : names) {
            lines.add(new Line(
                    name,
                    was.nodeGroups().getOrDefault(name, Capacity.NONE),
                    is.nodeGroups().getOrDefault(name, Capacity.NONE)));
        }
        return new CostReview(pricing.currency(), lines, new Line("total", was.total(), is.total()));
    }

    /**
     * Returns the review as lines of text: each part that changes, then the total, such as {@code workers  nodes
     * 2 -> 3 (+1) · vCPU 8 -> 12 (+4) · memory GiB 16 -> 24 (+8) · … · monthly EUR 31.44 -> 47.16 (+15.72)}. Money is rounded half-up to the
     * currency's minor unit.
     *
     * @return the lines
     */
    public List<String> text() {
        var text = new ArrayList<String>();
        lines.stream().filter(Line::changes).forEach(line -> text.add(CostText.line(currency, line)));
        text.add(CostText.line(currency, total));
        return text;
    }
}
