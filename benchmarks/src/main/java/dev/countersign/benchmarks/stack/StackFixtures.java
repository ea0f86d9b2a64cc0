package dev.countersign.benchmarks.stack;

import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deterministic stacks and environments for the benchmarks. */
final class StackFixtures {
    private StackFixtures() {}

    /**
     * A stack whose components each depend on up to two earlier ones and carry {@code extraKeys}
     * configuration entries besides a few variable references.
     */
    static Stack stack(int components, int extraKeys) {
        var list = new ArrayList<Component>();
        for (int i = 0; i < components; i++) {
            list.add(new Component(name(i), dependencies(i), helm(i, extraKeys), List.of("/password")));
        }
        return new Stack("bench", Map.of("replicas", 1L, "domain", "example.com", "tier", "default"), list);
    }

    /** Three environments that set the variables differently. */
    static List<Environment> environments() {
        return List.of(
                new Environment("dev", "dev-eu", Map.of("domain", "dev.example.com", "password", "d")),
                new Environment(
                        "staging",
                        "staging-eu",
                        Map.of("domain", "staging.example.com", "replicas", 2L, "password", "s")),
                new Environment(
                        "production",
                        "production-eu",
                        Map.of("domain", "example.com", "replicas", 3L, "tier", "gold", "password", "p")));
    }

    private static String name(int i) {
        return String.format("component-%05d", i);
    }

    private static List<String> dependencies(int i) {
        if (i == 0) {
            return List.of();
        }
        return i / 2 == i - 1 ? List.of(name(i - 1)) : List.of(name(i - 1), name(i / 2));
    }

    private static HelmSource helm(int i, int extraKeys) {
        var values = new LinkedHashMap<String, Object>();
        values.put("replicas", "${replicas}");
        values.put("host", "svc-" + i + ".${domain}");
        values.put("tier", "${tier}");
        values.put("password", "${password}");
        values.put("image", Map.of("repository", "registry.example.com/app-" + i, "tag", "1.2." + i));
        values.put("resources", Map.of("limits", Map.of("cpu", "500m", "memory", "256Mi")));
        var config = new LinkedHashMap<String, Object>();
        for (int k = 0; k < extraKeys; k++) {
            config.put(String.format("key-%04d", k), "a configuration value of some length, number " + k);
        }
        values.put("config", config);
        return new HelmSource("https://charts.example.com", "app", "1.0." + i, "apps", values);
    }
}
