package dev.countersign.samples.quickstart;

import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's sample files ({@code samples/demo}, {@code samples/stacks}), packaged into the jar at
 * build time, and the edits the agent makes to the stack during the story.
 */
final class Samples {
    static final String POLICY = "demo/policy.yaml";
    static final String MONITORING = "demo/monitoring.yaml";
    static final String MONITORING_WITH_SECRETS = "stacks/monitoring.yaml";
    static final String STAGING = "stacks/staging.yaml";
    static final String PRODUCTION = "stacks/production.yaml";
    static final String PRICING = "pricing/hetzner.yaml";
    static final String CLUSTER_API = "cluster-api/hetzner.yaml";
    static final String TOPOLOGY = "cluster-api/staging.yaml";

    private Samples() {}

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is missing from the quickstart jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + name, e);
        }
    }

    static Stack stack(String name) {
        return StackFiles.parseStack(text(name), "samples/" + name);
    }

    static Environment environment(String name) {
        return StackFiles.parseEnvironment(text(name), "samples/" + name);
    }

    /** The stack without one component, as an agent deleting it would propose. */
    static Stack without(Stack stack, String component) {
        return stack.withComponents(stack.components().stream()
                .filter(c -> !c.name().equals(component))
                .toList());
    }

    /** The stack with one more component, taken from another stack, at the end. */
    static Stack with(Stack stack, Stack from, String component) {
        List<Component> components = new ArrayList<>(stack.components());
        components.add(from.component(component)
                .orElseThrow(() -> new IllegalStateException("no component " + component + " in " + from.name())));
        return stack.withComponents(components);
    }

    /** The stack with one top-level Helm value of one component set. */
    static Stack withHelmValue(Stack stack, String component, String key, Object value) {
        List<Component> components = stack.components().stream()
                .map(c -> c.name().equals(component) ? withHelmValue(c, key, value) : c)
                .toList();
        return stack.withComponents(components);
    }

    private static Component withHelmValue(Component component, String key, Object value) {
        HelmSource helm = (HelmSource) component.source();
        Map<String, Object> values = new LinkedHashMap<>(helm.values());
        values.put(key, value);
        HelmSource edited = new HelmSource(helm.repository(), helm.chart(), helm.version(), helm.namespace(), values);
        return new Component(component.name(), component.dependsOn(), edited, component.secrets());
    }
}
