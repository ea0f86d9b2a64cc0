package dev.countersign.stack;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The capacity and monthly cost of a topology under a price catalogue: its control plane, each node group by
 * name, and the total (their sum). Immutable.
 *
 * @param currency the catalogue's currency, which every cost is in
 * @param controlPlane the control plane's capacity (its vCPUs are not billable)
 * @param nodeGroups each node group's capacity, by name, in file order
 */
public record TopologyCost(Currency currency, Capacity controlPlane, Map<String, Capacity> nodeGroups) {
    /**
     * Copies the fields.
     *
     * @param currency the currency
     * @param controlPlane the control plane's capacity
     * @param nodeGroups each group's capacity by name
     */
    public TopologyCost {
        java.util.Objects.requireNonNull(currency, "currency");
        java.util.Objects.requireNonNull(controlPlane, "controlPlane");
        nodeGroups = Collections.unmodifiableMap(new LinkedHashMap<>(nodeGroups));
    }

    /**
     * Computes the capacity and cost of a topology.
     *
     * @param topology the topology, or null for an environment without one (nothing runs, nothing costs)
     * @param pricing the price catalogue
     * @return the capacity and cost
     * @throws UnknownServerTypeException if the catalogue lacks a server type the topology names
     */
    public static TopologyCost of(@Nullable Topology topology, Pricing pricing) {
        if (topology == null) {
            return new TopologyCost(pricing.currency(), Capacity.NONE, Map.of());
        }
        var groups = new LinkedHashMap<String, Capacity>();
        topology.nodeGroups().forEach(group -> groups.put(group.name(), Capacity.of(group, pricing)));
        return new TopologyCost(pricing.currency(), Capacity.of(topology.controlPlane(), pricing), groups);
    }

    /**
     * Returns the whole cluster's capacity: the control plane plus every node group.
     *
     * @return the total
     */
    public Capacity total() {
        Capacity sum = controlPlane;
        for (Capacity group : nodeGroups.values()) {
            sum = sum.plus(group);
        }
        return sum;
    }
}
