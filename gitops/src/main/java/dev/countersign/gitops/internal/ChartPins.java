package dev.countersign.gitops.internal;

import dev.countersign.gitops.UnpinnedChartException;
import dev.countersign.render.RenderException;
import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolver;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pins the Helm charts of a proposed stack when its environment says {@code charts: {pin: digest}}: an OCI chart
 * without a digest gets the one it had when recorded (same repository, chart and version) or the one the
 * {@link ChartResolver} resolves now; a digest written by hand must be the recorded one or the resolved one (so
 * without a resolver only recorded digests pass); a chart that cannot be pinned refuses the proposal
 * ({@link UnpinnedChartException}). Thread-safe when the
 * resolver is.
 */
public final class ChartPins {
    private static final String OCI = "oci://";

    private final @Nullable ChartResolver resolver;

    /**
     * Creates the pinning.
     *
     * @param resolver resolves a chart version to its digest; null when the host configured none
     */
    public ChartPins(@Nullable ChartResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Returns the stack with every chart pinned as its environment requires.
     *
     * @param proposed the stack as proposed
     * @param recorded the stack as recorded on the base, if any
     * @param environment the environment it is proposed for
     * @return the stack, with digests added where the environment pins them
     * @throws UnpinnedChartException if a chart cannot be pinned
     */
    Stack pin(Stack proposed, Optional<Stack> recorded, Environment environment) {
        if (!environment.charts().pinsDigests()) {
            return proposed;
        }
        return proposed.withComponents(proposed.components().stream()
                .map(component -> pin(proposed, component, recorded, environment))
                .toList());
    }

    /**
     * Checks that every chart of a stack is pinned as its environment requires, without resolving anything:
     * for a draft that restores recorded files (a revert) or a change of the environment itself.
     *
     * @param stack the stack
     * @param environment the environment
     * @throws UnpinnedChartException if a chart has no digest though the environment pins them
     */
    static void requirePinned(Stack stack, Environment environment) {
        if (!environment.charts().pinsDigests()) {
            return;
        }
        for (Component component : stack.components()) {
            if (component.source() instanceof HelmSource helm) {
                requirePinnable(stack, component, helm, environment);
                if (helm.digest() == null) {
                    throw new UnpinnedChartException(
                            component.name(),
                            describe(stack, component, helm) + " has no digest, but environment " + environment.name()
                                    + " pins chart digests (charts: {pin: digest}): propose the stack again so that"
                                    + " its charts are pinned, or write helm.digest");
                }
            }
        }
    }

    private Component pin(Stack stack, Component component, Optional<Stack> recorded, Environment environment) {
        if (!(component.source() instanceof HelmSource helm)) {
            return component;
        }
        requirePinnable(stack, component, helm, environment);
        String approved = recordedDigest(component.name(), helm, recorded);
        String digest = helm.digest();
        if (digest != null && digest.equals(approved)) {
            return component;
        }
        if (digest == null && approved != null) {
            return withDigest(component, helm, approved);
        }
        String resolved = resolve(stack, component, helm, environment);
        if (digest != null && !digest.equals(resolved)) {
            throw new UnpinnedChartException(
                    component.name(),
                    describe(stack, component, helm) + " is pinned to " + digest + ", but the registry resolves that"
                            + " version to " + resolved + " now: a digest written by hand must be the one its version"
                            + " resolves to, so the reviewer's version and the pulled bytes agree");
        }
        return withDigest(component, helm, resolved);
    }

    private String resolve(Stack stack, Component component, HelmSource helm, Environment environment) {
        ChartResolver chartResolver = resolver;
        if (chartResolver == null) {
            throw new UnpinnedChartException(
                    component.name(),
                    describe(stack, component, helm) + " is not pinned as recorded, and environment "
                            + environment.name() + " pins chart digests (charts: {pin: digest}), but no chart"
                            + " resolver is configured to pin or check its digest: give the repository a"
                            + " ChartResolver (the countersign command uses its built-in OCI resolver)");
        }
        ChartCoordinates coordinates = new ChartCoordinates(helm.repository(), helm.chart(), helm.version());
        try {
            return Objects.requireNonNull(chartResolver.resolve(coordinates), "resolved digest");
        } catch (RenderException | IllegalArgumentException e) {
            throw new UnpinnedChartException(
                    component.name(),
                    describe(stack, component, helm) + " cannot be pinned for environment " + environment.name()
                            + " (charts: {pin: digest}): " + e.getMessage(),
                    e);
        }
    }

    private static void requirePinnable(Stack stack, Component component, HelmSource helm, Environment environment) {
        if (helm.repository().contains("${") || helm.version().contains("${")) {
            throw new UnpinnedChartException(
                    component.name(),
                    describe(stack, component, helm) + " writes its repository or version as a variable, but"
                            + " environment " + environment.name() + " pins chart digests (charts: {pin: digest}):"
                            + " write both out, because a digest pinned for one value would silently stand for"
                            + " another");
        }
        if (!helm.repository().startsWith(OCI)) {
            throw new UnpinnedChartException(
                    component.name(),
                    describe(stack, component, helm) + " comes from a Helm repository over "
                            + helm.repository().substring(0, helm.repository().indexOf(':')) + ", but environment "
                            + environment.name() + " pins chart digests (charts: {pin: digest}): such a"
                            + " repository serves a chart by version from its index, which can name other bytes"
                            + " after the approval, and neither Flux nor Argo CD can pull it by digest; publish"
                            + " the chart to an oci:// registry");
        }
    }

    private static @Nullable String recordedDigest(String name, HelmSource helm, Optional<Stack> recorded) {
        return recorded.flatMap(stack -> stack.component(name))
                .map(Component::source)
                .filter(HelmSource.class::isInstance)
                .map(HelmSource.class::cast)
                .filter(before -> before.repository().equals(helm.repository())
                        && before.chart().equals(helm.chart())
                        && before.version().equals(helm.version()))
                .map(HelmSource::digest)
                .orElse(null);
    }

    private static Component withDigest(Component component, HelmSource helm, String digest) {
        return new Component(component.name(), component.dependsOn(), helm.withDigest(digest), component.secrets());
    }

    private static String describe(Stack stack, Component component, HelmSource helm) {
        return "component '" + component.name() + "' of stack '" + stack.name() + "': chart '" + helm.chart() + "' "
                + helm.version() + " from " + helm.repository();
    }
}
