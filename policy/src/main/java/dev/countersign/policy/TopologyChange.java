package dev.countersign.policy;

import dev.countersign.stack.Pricing;
import dev.countersign.stack.Topology;
import dev.countersign.stack.ValueChange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change of an environment's cluster topology: the recorded (base) and proposed topologies, the values it
 * changes (pointers below {@code /topology}, node groups by name) and the price catalogue in force, if any.
 */
record TopologyChange(
        @Nullable Topology base,
        @Nullable Topology proposed,
        List<ValueChange> edits,
        @Nullable Pricing pricing) {
    TopologyChange {
        edits = List.copyOf(edits);
    }

    static TopologyChange between(@Nullable Topology base, @Nullable Topology proposed, @Nullable Pricing pricing) {
        return new TopologyChange(base, proposed, Topology.diff(base, proposed), pricing);
    }

    boolean changes() {
        return !edits.isEmpty();
    }
}
