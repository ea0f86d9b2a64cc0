package dev.countersign.policy;

import dev.countersign.stack.Capacity;
import dev.countersign.stack.Span;
import dev.countersign.stack.Topology;
import dev.countersign.stack.TopologyCost;
import dev.countersign.stack.UnknownServerTypeException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A proposed topology stays within its environment's {@code limits}: nodes (control plane included), billable
 * worker vCPUs and monthly cost, autoscaling groups at their maximum. A change that leaves the topology alone,
 * or lowers a figure already above its limit, is not denied for it. Limits on vCPUs or cost need a price
 * catalogue; without one, or with a server type it does not list, the change is denied.
 */
final class SizingRule implements Rule {
    @Override
    public void check(Evaluation e) {
        TopologyChange change = e.request.topologyChange();
        if (change == null || !change.changes()) {
            return;
        }
        Sizing sizing = e.policy.rules(e.environment()).sizing();
        Integer maxNodes = sizing.maxNodes();
        if (maxNodes != null) {
            judge(e, "nodes", BigDecimal.valueOf(maxNodes), nodes(change.base()), nodes(change.proposed()), "");
        }
        if (sizing.needsPricing()) {
            Costs costs = Costs.of(change);
            if (costs.problem() != null) {
                e.deny(
                        BuiltInRule.SIZING,
                        "the limits of " + e.environment() + " on worker vCPUs or monthly cost cannot be judged: "
                                + costs.problem(),
                        TopologyScopeRule.COMPONENT,
                        "/topology");
                return;
            }
            judgeCosts(e, sizing, costs);
        }
    }

    private static void judgeCosts(Evaluation e, Sizing sizing, Costs costs) {
        Integer maxVcpu = sizing.maxWorkerVcpu();
        if (maxVcpu != null) {
            judge(
                    e,
                    "billable worker vCPUs",
                    BigDecimal.valueOf(maxVcpu),
                    costs.before().billableWorkerVcpu().max(),
                    costs.after().billableWorkerVcpu().max(),
                    "");
        }
        BigDecimal maxCost = sizing.maxMonthlyCost();
        if (maxCost != null) {
            String currency = costs.currency();
            judge(
                    e,
                    "monthly cost",
                    maxCost,
                    costs.before().monthlyCost().max(),
                    costs.after().monthlyCost().max(),
                    currency);
        }
    }

    private static void judge(
            Evaluation e, String what, BigDecimal limit, BigDecimal before, BigDecimal after, String currency) {
        if (after.compareTo(limit) > 0 && after.compareTo(before) > 0) {
            e.deny(
                    BuiltInRule.SIZING,
                    "the proposed topology of " + e.environment() + " reaches " + Costs.show(after, currency) + " "
                            + what + " (recorded: " + Costs.show(before, currency) + "), above the environment's"
                            + " limit of " + Costs.show(limit, currency) + " (autoscaling groups at their maximum)",
                    TopologyScopeRule.COMPONENT,
                    "/topology");
        }
    }

    /** All nodes, control plane included, autoscaling groups at their maximum. */
    static BigDecimal nodes(@Nullable Topology topology) {
        if (topology == null) {
            return BigDecimal.ZERO;
        }
        int groups = topology.nodeGroups().stream().mapToInt(g -> g.maxNodes()).sum();
        return BigDecimal.valueOf((long) topology.controlPlane().count() + groups);
    }

    /** The capacity before and after a change under its catalogue, or why it cannot be known. */
    record Costs(
            Capacity before,
            Capacity after,
            String currency,
            @Nullable String problem) {
        static Costs of(TopologyChange change) {
            var pricing = change.pricing();
            if (pricing == null) {
                return new Costs(
                        Capacity.NONE,
                        Capacity.NONE,
                        "",
                        "no price catalogue (.countersign/pricing.yaml) is" + " recorded");
            }
            try {
                return new Costs(
                        TopologyCost.of(change.base(), pricing).total(),
                        TopologyCost.of(change.proposed(), pricing).total(),
                        pricing.currency().getCurrencyCode(),
                        null);
            } catch (UnknownServerTypeException ex) {
                return new Costs(Capacity.NONE, Capacity.NONE, "", ex.getMessage());
            }
        }

        /** The largest rise of either end of the monthly cost (negative when it falls). */
        BigDecimal costRise() {
            Span change = after.monthlyCost().minus(before.monthlyCost());
            return change.min().max(change.max());
        }

        static String show(BigDecimal amount, String currency) {
            if (currency.isEmpty()) {
                return amount.stripTrailingZeros().toPlainString();
            }
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return currency + " "
                    + amount.setScale(Math.max(0, digits), java.math.RoundingMode.HALF_UP)
                            .toPlainString();
        }
    }
}
