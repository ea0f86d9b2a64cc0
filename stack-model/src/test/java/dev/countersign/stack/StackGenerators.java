package dev.countersign.stack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators for stacks and environments. Every choice is drawn from the
 * randomness source, so failures shrink. Generated stacks reference only variables they define
 * (or give an inline default) and never use {@code $$} escapes, so they render for any environment.
 */
final class StackGenerators {
    static final List<String> VARIABLES = List.of("alpha", "beta", "gamma", "delta");
    private static final List<String> WORDS = List.of(
            "x",
            "hello world",
            "yes",
            "no",
            "on",
            "off",
            "true",
            "null",
            "~",
            "1.0",
            "0x1F",
            "007",
            "-",
            "a: b",
            "# not a comment",
            "'quoted'",
            "\"double\"",
            "é ü ß",
            "line\nbreak",
            "  padded  ",
            "[x]",
            "{y}",
            "*star",
            "&amp",
            "!bang",
            "%pct",
            "@at",
            "`tick`",
            "2026-11-24",
            "");

    private StackGenerators() {}

    /** Stacks with helm and manifest components, dependencies, variables and secrets. */
    static Gen<Stack> stacks() {
        return in -> stack(in, true);
    }

    /** Stacks without declared or inherent secrets. */
    static Gen<Stack> stacksWithoutSecrets() {
        return in -> stack(in, false);
    }

    /** Environments that define a random subset of the variables. */
    static Gen<Environment> environments() {
        return in -> new Environment("env-" + pick(in, 0, 9), "cluster-" + pick(in, 0, 9), variables(in, 0));
    }

    private static Stack stack(RandomnessSource in, boolean secrets) {
        int count = pick(in, 1, 5);
        var components = new ArrayList<Component>();
        for (int i = 0; i < count; i++) {
            components.add(component(in, "c" + i, i, secrets));
        }
        return new Stack("stack-" + pick(in, 0, 3), variables(in, 1), components);
    }

    private static Component component(RandomnessSource in, String name, int index, boolean secrets) {
        var dependsOn = new ArrayList<String>();
        for (int j = 0; j < index; j++) {
            if (pick(in, 0, 2) == 0) {
                dependsOn.add("c" + j);
            }
        }
        if (pick(in, 0, 1) == 0) {
            Map<String, Object> values = map(in, 2);
            List<String> declared = secrets && !values.isEmpty() && pick(in, 0, 1) == 0
                    ? List.of("/" + Pointers.escape(values.keySet().iterator().next()))
                    : List.of();
            var helm = new HelmSource(
                    "https://charts.example.com", name, "1." + pick(in, 0, 9) + ".0", "ns-" + pick(in, 0, 3), values);
            if (pick(in, 0, 2) == 0) {
                helm = helm.withDigest(
                        "sha256:" + String.valueOf(pick(in, 0, 9)).repeat(64));
            }
            return new Component(name, dependsOn, helm, declared);
        }
        var manifests = new ArrayList<Manifest>();
        for (int m = 0, n = pick(in, 1, 2); m < n; m++) {
            manifests.add(manifest(in, name + "-" + m, secrets && pick(in, 0, 2) == 0));
        }
        return new Component(name, dependsOn, new Manifests(manifests), List.of());
    }

    private static Manifest manifest(RandomnessSource in, String name, boolean secret) {
        var body = new LinkedHashMap<String, Object>();
        body.put("apiVersion", "v1");
        body.put("kind", secret ? "Secret" : "ConfigMap");
        body.put("metadata", Map.of("name", name, "namespace", "ns-" + pick(in, 0, 3)));
        body.put(secret ? "stringData" : "data", map(in, 0));
        return new Manifest(body);
    }

    private static Map<String, Object> variables(RandomnessSource in, int minimum) {
        var variables = new LinkedHashMap<String, Object>();
        for (String name : VARIABLES) {
            if (variables.size() < minimum || pick(in, 0, 1) == 0) {
                variables.put(name, scalar(in, false));
            }
        }
        return variables;
    }

    private static Map<String, Object> map(RandomnessSource in, int depth) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0, n = pick(in, 0, 3); i < n; i++) {
            map.put(key(in), value(in, depth));
        }
        return map;
    }

    private static Object value(RandomnessSource in, int depth) {
        int kind = pick(in, 0, depth > 0 ? 5 : 3);
        return switch (kind) {
            case 0, 1, 2, 3 -> scalar(in, true);
            case 4 -> map(in, depth - 1);
            default -> List.of(value(in, depth - 1), value(in, depth - 1)).subList(0, pick(in, 0, 2));
        };
    }

    private static Object scalar(RandomnessSource in, boolean references) {
        return switch (pick(in, 0, references ? 6 : 4)) {
            case 0 -> WORDS.get(pick(in, 0, WORDS.size() - 1));
            case 1 -> (long) pick(in, -1000, 1000);
            case 2 -> pick(in, 0, 1) == 0;
            case 3 ->
                new BigDecimal(pick(in, -999, 999))
                        .movePointLeft(pick(in, 1, 3))
                        .stripTrailingZeros();
            case 4 -> "text-" + pick(in, 0, 99);
            case 5 -> "${" + VARIABLES.get(pick(in, 0, 3)) + ":=fallback}";
            default -> "pre-${" + VARIABLES.get(pick(in, 0, 3)) + ":=d}-post";
        };
    }

    private static String key(RandomnessSource in) {
        return List.of("name", "replicas", "image", "a/b", "x~y", "on", "enabled", "nested key", "é")
                .get(pick(in, 0, 8));
    }

    private static int pick(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    /** Topologies of up to four node groups of the sample catalogue's cpx types, fixed or autoscaling. */
    static Gen<Topology> topologies() {
        return in -> {
            var groups = new ArrayList<NodeGroup>();
            int count = pick(in, 0, 4);
            for (int i = 0; i < count; i++) {
                String type = "cpx" + pick(in, 1, 5) + "1";
                int min = pick(in, 0, 5);
                groups.add(
                        pick(in, 0, 1) == 0
                                ? NodeGroup.fixed("g" + pick(in, 0, 6), type, "fsn1", min)
                                : NodeGroup.autoscaled(
                                        "g" + pick(in, 0, 6),
                                        type,
                                        "fsn1",
                                        new Autoscaling(min, min + pick(in, 0, 6))));
            }
            var unique = new java.util.LinkedHashMap<String, NodeGroup>();
            groups.forEach(group -> unique.putIfAbsent(group.name(), group));
            return new Topology(
                    "v1.32." + pick(in, 0, 3),
                    new ControlPlane(1 + 2 * pick(in, 0, 2), "cpx" + pick(in, 1, 3) + "1", "fsn1"),
                    List.copyOf(unique.values()));
        };
    }
}
