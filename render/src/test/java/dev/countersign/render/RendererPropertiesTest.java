package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.render.spi.RenderRequest;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RendererPropertiesTest {
    private static final Environment DEV = new Environment("dev", "dev-cluster", Map.of());

    @Test
    void fluxDependsOnGraphEqualsTheStackGraph() {
        qt().withExamples(100).forAll(RendererGenerators.stacks()).checkAssert(stack -> {
            var files = Renderers.flux(FluxOptions.defaults()).render(request(stack));
            var rendered = new LinkedHashMap<String, List<String>>();
            for (JsonNode kustomization : SharedSchemas.documents(files.text("clusters/dev/random.yaml"))) {
                var dependsOn = kustomization
                        .path("spec")
                        .path("dependsOn")
                        .valueStream()
                        .map(entry -> entry.path("name").asString())
                        .toList();
                rendered.put(kustomization.path("metadata").path("name").asString(), dependsOn);
            }
            assertThat(rendered).isEqualTo(expectedGraph(stack));
        });
    }

    @Test
    void argoCdWavesEqualTheStackWaves() {
        qt().withExamples(100).forAll(RendererGenerators.stacks()).checkAssert(stack -> {
            var files = Renderers.argoCd(RenderersTest.ARGO).render(request(stack));
            var waves = expectedWaves(stack);
            for (Component component : stack.components()) {
                var application = SharedSchemas.documents(
                                files.text("argocd/dev/random/apps/" + component.name() + ".yaml"))
                        .get(0);
                assertThat(application
                                .path("metadata")
                                .path("annotations")
                                .path(ArgoCdLayout.WAVE)
                                .asString())
                        .isEqualTo(Integer.toString(waves.get(component.name())));
            }
        });
    }

    @Test
    void everyFileOfARandomStackValidatesAndRendersIdenticallyTwice() {
        var schemas = SharedSchemas.locate();
        qt().withExamples(40).forAll(RendererGenerators.stacks()).checkAssert(stack -> {
            for (var renderer : RenderersTest.RENDERERS) {
                var files = renderer.render(request(stack));
                assertThat(renderer.render(request(stack))).isEqualTo(files);
                for (String path : files.paths()) {
                    if (!path.endsWith(".sops.yaml")) {
                        SharedSchemas.documents(files.text(path))
                                .forEach(document -> assertThat(schemas.errors(document))
                                        .as(path)
                                        .isEmpty());
                    }
                }
            }
        });
    }

    private static RenderRequest request(Stack stack) {
        return RenderRequest.of(DEV, stack.render(DEV));
    }

    private static Map<String, List<String>> expectedGraph(Stack stack) {
        var graph = new LinkedHashMap<String, List<String>>();
        for (Component component : stack.components()) {
            graph.put(
                    "random-" + component.name(),
                    component.dependsOn().stream().map(name -> "random-" + name).toList());
        }
        return graph;
    }

    /** A component's wave is one more than the latest wave among its dependencies (0 without any). */
    private static Map<String, Integer> expectedWaves(Stack stack) {
        var waves = new HashMap<String, Integer>();
        for (Component component : stack.components()) {
            int wave = component.dependsOn().stream()
                    .mapToInt(waves::get)
                    .map(w -> w + 1)
                    .max()
                    .orElse(0);
            waves.put(component.name(), wave);
        }
        return waves;
    }
}
