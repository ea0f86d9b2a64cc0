package dev.countersign.policy;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The sizing rules of one environment ({@code limits} and {@code agentCostStep} of its entry): ceilings on the
 * proposed topology, and how much an agent's change may raise the monthly cost before it needs an extra human
 * approval. A null limit is no limit.
 *
 * @param maxNodes the most nodes, control plane included, counting autoscaling groups at their maximum
 * @param maxWorkerVcpu the most billable worker vCPUs, autoscaling groups at their maximum
 * @param maxMonthlyCost the highest monthly cost in the catalogue's currency, autoscaling groups at their maximum
 * @param agentCostStep how much an agent's change may raise the monthly cost without an extra approval
 */
record Sizing(
        @Nullable Integer maxNodes,
        @Nullable Integer maxWorkerVcpu,
        @Nullable BigDecimal maxMonthlyCost,
        BigDecimal agentCostStep) {
    static final Sizing NONE = new Sizing(null, null, null, BigDecimal.ZERO);

    /** Whether a limit needs a price catalogue to be judged. */
    boolean needsPricing() {
        return maxWorkerVcpu != null || maxMonthlyCost != null;
    }
}
