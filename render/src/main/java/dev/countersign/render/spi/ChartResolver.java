package dev.countersign.render.spi;

/**
 * Resolves a chart to the digest of the exact bytes its version names today, so an approval can pin
 * them: whatever the tag later points at, the recorded digest keeps naming the approved chart.
 *
 * <p>Implementations must be thread-safe. A host may plug its own (a registry mirror, an offline index).
 */
public interface ChartResolver {
    /**
     * Resolves a chart version to its manifest digest.
     *
     * @param chart the repository, chart name and exact version
     * @return {@code sha256:} followed by 64 lower-case hex digits
     * @throws ChartResolutionException if the chart cannot be resolved; the message names the chart, never a
     *     credential
     */
    String resolve(ChartCoordinates chart);
}
