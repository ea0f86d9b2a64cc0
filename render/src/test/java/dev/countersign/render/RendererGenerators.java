package dev.countersign.render;

import dev.countersign.stack.Component;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Manifest;
import dev.countersign.stack.Manifests;
import dev.countersign.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of random, valid stacks: up to 10 components with random acyclic edges. */
final class RendererGenerators {
    private RendererGenerators() {}

    /** Stacks whose components only depend on components declared before them, so there is no cycle. */
    static Gen<Stack> stacks() {
        return Generate.intArrays(Generate.range(1, 10), Generate.range(0, Integer.MAX_VALUE))
                .map(RendererGenerators::stack);
    }

    private static Stack stack(int[] seeds) {
        var components = new ArrayList<Component>();
        for (int i = 0; i < seeds.length; i++) {
            var dependsOn = new ArrayList<String>();
            for (int j = 0; j < i; j++) {
                if (((seeds[i] >>> j) & 1) == 1 && ((seeds[j] >>> 3) & 1) == 1) {
                    dependsOn.add(name(j));
                }
            }
            components.add(new Component(name(i), dependsOn, source(i, seeds[i]), List.of()));
        }
        return new Stack("random", Map.of(), components);
    }

    private static String name(int index) {
        return "c" + index;
    }

    private static dev.countersign.stack.ComponentSource source(int index, int seed) {
        if (seed % 3 == 0) {
            Map<String, Object> configMap = Map.of(
                    "apiVersion",
                    "v1",
                    "kind",
                    "ConfigMap",
                    "metadata",
                    Map.of("name", "config-" + index, "namespace", "apps"),
                    "data",
                    Map.of("seed", Integer.toString(seed)));
            return new Manifests(List.of(new Manifest(configMap)));
        }
        String repository = seed % 3 == 1 ? "https://charts.example.com" : "oci://ghcr.io/example/charts";
        return new HelmSource(repository, "chart-" + index, "1.0." + (seed % 7), "ns-" + index, Map.of("n", seed % 5));
    }
}
