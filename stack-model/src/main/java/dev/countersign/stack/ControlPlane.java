package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The control plane of an environment's cluster: how many machines, of which server type, where. Immutable.
 *
 * @param count the number of control-plane machines: 1, 3 or 5 (an odd number keeps etcd's quorum)
 * @param serverType the provider's server type, such as {@code cpx21}
 * @param location the provider's location, such as {@code fsn1}
 */
public record ControlPlane(int count, String serverType, String location) {
    private static final Set<Integer> COUNTS = Set.of(1, 3, 5);

    /**
     * Validates the fields.
     *
     * @param count 1, 3 or 5
     * @param serverType the server type
     * @param location the location
     * @throws InvalidStackException if the count is not 1, 3 or 5, or the server type or location is malformed
     *     (pointers {@code /count}, {@code /serverType}, {@code /location})
     */
    public ControlPlane {
        if (!COUNTS.contains(count)) {
            throw new InvalidStackException(
                    "/count",
                    "control-plane count " + count + " must be 1, 3 or 5 (an odd number up to 5 keeps etcd's quorum)");
        }
        TopologyNames.serverType("/serverType", serverType);
        TopologyNames.location("/location", location);
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("count", (long) count);
        tree.put("serverType", serverType);
        tree.put("location", location);
        return tree;
    }
}
