package dev.countersign.cli;

import dev.countersign.render.oci.OciChartResolver;
import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolver;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OciChartResolver} built when the first chart needs pinning: building it sets up TLS (the JVM's security
 * providers and trust store), which a command that pins no chart ({@code list}, {@code show}, {@code approve} of a
 * change without charts) need not pay for at start-up. Thread-safe.
 */
final class DeferredChartResolver implements ChartResolver {
    private final OciChartResolver.Builder builder;
    private @Nullable OciChartResolver resolver;

    DeferredChartResolver(OciChartResolver.Builder builder) {
        this.builder = builder;
    }

    @Override
    public String resolve(ChartCoordinates chart) {
        return resolver().resolve(chart);
    }

    private synchronized OciChartResolver resolver() {
        OciChartResolver built = resolver;
        if (built == null) {
            built = builder.build();
            resolver = built;
        }
        return built;
    }

    /** Names the resolver, never its credentials. */
    @Override
    public synchronized String toString() {
        return resolver == null ? "OciChartResolver (built when a chart needs pinning)" : resolver.toString();
    }
}
