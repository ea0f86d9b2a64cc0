package dev.countersign.stack;

import java.math.BigDecimal;

/**
 * What part of a cluster runs and costs: nodes, vCPUs, memory, GPUs, monthly cost (in the catalogue's currency)
 * and the billable worker vCPUs (control planes are free). Each is a {@link Span}: an autoscaling group gives
 * the range from its minimum to its maximum. Immutable.
 *
 * @param nodes the machines
 * @param vcpu the virtual CPUs
 * @param memoryGiB the memory, in GiB
 * @param gpus the GPUs
 * @param monthlyCost the monthly cost, exact (round only to show it)
 * @param billableWorkerVcpu the vCPUs of worker nodes; zero for a control plane
 */
public record Capacity(Span nodes, Span vcpu, Span memoryGiB, Span gpus, Span monthlyCost, Span billableWorkerVcpu) {
    /** Nothing: no node, no cost. */
    public static final Capacity NONE = new Capacity(Span.ZERO, Span.ZERO, Span.ZERO, Span.ZERO, Span.ZERO, Span.ZERO);

    /**
     * Returns the capacity of a node group under a price catalogue.
     *
     * @param group the group
     * @param pricing the catalogue
     * @return its capacity, from its fewest to its most nodes
     * @throws UnknownServerTypeException if the catalogue lacks the group's server type
     */
    public static Capacity of(NodeGroup group, Pricing pricing) {
        Span nodes = new Span(BigDecimal.valueOf(group.minNodes()), BigDecimal.valueOf(group.maxNodes()));
        Capacity servers = of(nodes, pricing.price(group.serverType()));
        return new Capacity(
                servers.nodes, servers.vcpu, servers.memoryGiB, servers.gpus, servers.monthlyCost, servers.vcpu);
    }

    /**
     * Returns the capacity of a control plane under a price catalogue: its vCPUs are not billable.
     *
     * @param controlPlane the control plane
     * @param pricing the catalogue
     * @return its capacity
     * @throws UnknownServerTypeException if the catalogue lacks its server type
     */
    public static Capacity of(ControlPlane controlPlane, Pricing pricing) {
        return of(Span.of(BigDecimal.valueOf(controlPlane.count())), pricing.price(controlPlane.serverType()));
    }

    private static Capacity of(Span nodes, ServerPrice price) {
        return new Capacity(
                nodes,
                nodes.times(BigDecimal.valueOf(price.vcpu())),
                nodes.times(price.memoryGiB()),
                nodes.times(BigDecimal.valueOf(price.gpu())),
                nodes.times(price.monthly()),
                Span.ZERO);
    }

    /**
     * Returns the sum, field by field.
     *
     * @param other the other capacity
     * @return the sum
     */
    public Capacity plus(Capacity other) {
        return new Capacity(
                nodes.plus(other.nodes),
                vcpu.plus(other.vcpu),
                memoryGiB.plus(other.memoryGiB),
                gpus.plus(other.gpus),
                monthlyCost.plus(other.monthlyCost),
                billableWorkerVcpu.plus(other.billableWorkerVcpu));
    }

    /**
     * Returns the change from {@code before} to this capacity, field by field and end by end.
     *
     * @param before the capacity before
     * @return the change
     */
    public Capacity minus(Capacity before) {
        return new Capacity(
                nodes.minus(before.nodes),
                vcpu.minus(before.vcpu),
                memoryGiB.minus(before.memoryGiB),
                gpus.minus(before.gpus),
                monthlyCost.minus(before.monthlyCost),
                billableWorkerVcpu.minus(before.billableWorkerVcpu));
    }
}
