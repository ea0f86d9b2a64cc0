package dev.countersign.policy;

import java.math.BigDecimal;

/**
 * An agent's topology change may raise the monthly cost by at most its environment's {@code agentCostStep}
 * (default 0); beyond it, or when the cost cannot be known, the change needs one extra human approval, and the
 * decision says why with the numbers. The rise is the larger rise of either end of the cost range.
 */
final class AgentCostRule implements Rule {
    @Override
    public void check(Evaluation e) {
        TopologyChange change = e.request.topologyChange();
        Principal author = e.request.author();
        if (change == null || !change.changes() || !author.isAgent()) {
            return;
        }
        BigDecimal step = e.policy.rules(e.environment()).sizing().agentCostStep();
        SizingRule.Costs costs = SizingRule.Costs.of(change);
        String problem = costs.problem();
        if (problem != null) {
            e.requireExtraApprovals(
                    1,
                    new Reason(
                            BuiltInRule.AGENT_COST.id(),
                            "the cost of this topology change by " + author + " is unknown (" + problem
                                    + "): 1 extra human approval required",
                            TopologyScopeRule.COMPONENT,
                            "/topology"));
            return;
        }
        BigDecimal rise = costs.costRise();
        if (rise.compareTo(step) > 0) {
            String currency = costs.currency();
            e.requireExtraApprovals(
                    1,
                    new Reason(
                            BuiltInRule.AGENT_COST.id(),
                            author + "'s change raises the monthly cost of " + e.environment() + " by "
                                    + SizingRule.Costs.show(rise, currency) + " (from "
                                    + range(costs.before().monthlyCost(), currency) + " to "
                                    + range(costs.after().monthlyCost(), currency)
                                    + "), more than the agentCostStep of "
                                    + SizingRule.Costs.show(step, currency) + ": 1 extra human approval required",
                            TopologyScopeRule.COMPONENT,
                            "/topology"));
        }
    }

    private static String range(dev.countersign.stack.Span span, String currency) {
        String low = SizingRule.Costs.show(span.min(), currency);
        return span.isFixed()
                ? low
                : low + "–" + SizingRule.Costs.show(span.max(), currency).substring(currency.length() + 1);
    }
}
