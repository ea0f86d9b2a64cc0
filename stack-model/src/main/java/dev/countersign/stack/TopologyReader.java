package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Reads {@code spec.topology} from a document tree; error pointers are relative to the topology. */
final class TopologyReader {
    private static final Set<String> KEYS = Set.of("kubernetesVersion", "controlPlane", "nodeGroups");
    private static final Set<String> CONTROL_PLANE_KEYS = Set.of("count", "serverType", "location");
    private static final Set<String> GROUP_KEYS =
            Set.of("name", "serverType", "location", "count", "autoscaling", "labels", "taints");
    private static final Set<String> AUTOSCALING_KEYS = Set.of("min", "max");
    private static final Set<String> TAINT_KEYS = Set.of("key", "value", "effect");

    private TopologyReader() {}

    static Topology read(Object tree) {
        var fields = Fields.of(tree, "").only(KEYS);
        String version = fields.string("kubernetesVersion");
        ControlPlane controlPlane = controlPlane(fields.fields("controlPlane"));
        var groups = new ArrayList<NodeGroup>();
        List<Object> items = fields.list("nodeGroups");
        for (int i = 0; i < items.size(); i++) {
            groups.add(group(Fields.of(items.get(i), "/nodeGroups/" + i)));
        }
        return at("", () -> new Topology(version, controlPlane, groups));
    }

    private static ControlPlane controlPlane(Fields fields) {
        fields.only(CONTROL_PLANE_KEYS);
        int count = integer(fields, "count");
        String serverType = fields.string("serverType");
        String location = fields.string("location");
        return at(fields.pointer(), () -> new ControlPlane(count, serverType, location));
    }

    private static NodeGroup group(Fields fields) {
        fields.only(GROUP_KEYS);
        String name = fields.string("name");
        String serverType = fields.string("serverType");
        String location = fields.string("location");
        Integer count = fields.has("count") ? integer(fields, "count") : null;
        Autoscaling autoscaling = fields.has("autoscaling") ? autoscaling(fields.fields("autoscaling")) : null;
        Map<String, String> labels = labels(fields);
        List<Taint> taints = taints(fields);
        return at(
                fields.pointer(), () -> new NodeGroup(name, serverType, location, count, autoscaling, labels, taints));
    }

    private static Autoscaling autoscaling(Fields fields) {
        fields.only(AUTOSCALING_KEYS);
        int min = integer(fields, "min");
        int max = integer(fields, "max");
        return at(fields.pointer(), () -> new Autoscaling(min, max));
    }

    private static Map<String, String> labels(Fields fields) {
        var labels = new LinkedHashMap<String, String>();
        fields.map("labels").forEach((key, value) -> {
            if (!(value instanceof String text)) {
                throw new InvalidStackException(
                        fields.at("labels") + "/" + Pointers.escape(key),
                        "label values must be strings, found " + Fields.kind(value) + " (quote it, e.g. \"true\")");
            }
            labels.put(key, text);
        });
        return labels;
    }

    private static List<Taint> taints(Fields fields) {
        var taints = new ArrayList<Taint>();
        List<Object> items = fields.list("taints");
        for (int i = 0; i < items.size(); i++) {
            taints.add(taint(Fields.of(items.get(i), fields.at("taints") + "/" + i)));
        }
        return taints;
    }

    private static Taint taint(Fields fields) {
        fields.only(TAINT_KEYS);
        String key = fields.string("key");
        String value = fields.has("value") ? stringOrEmpty(fields, "value") : "";
        String effectId = fields.string("effect");
        TaintEffect effect = at(fields.pointer(), () -> TaintEffect.fromId(effectId));
        return at(fields.pointer(), () -> new Taint(key, value, effect));
    }

    private static String stringOrEmpty(Fields fields, String key) {
        if (!(fields.map().get(key) instanceof String text)) {
            throw new InvalidStackException(fields.at(key), "'" + key + "' must be a string (quote it, e.g. \"true\")");
        }
        return text;
    }

    private static int integer(Fields fields, String key) {
        @Nullable Object value = fields.map().get(key);
        if (value == null) {
            throw new InvalidStackException(fields.pointer(), "missing required field '" + key + "'");
        }
        if (!(value instanceof Long number)) {
            throw new InvalidStackException(
                    fields.at(key), "'" + key + "' must be a whole number, found " + Fields.kind(value));
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new InvalidStackException(
                    fields.at(key), key + " " + number + " must lie between 0 and " + NodeGroup.MAX_NODES + " nodes");
        }
        return number.intValue();
    }

    /** Builds a value whose own errors are relative to it, placing them below its pointer. */
    private static <T> T at(String pointer, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidStackException e) {
            throw pointer.isEmpty() ? e : e.within(pointer);
        }
    }
}
