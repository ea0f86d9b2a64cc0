package dev.countersign.render.spi;

import dev.countersign.render.RenderException;

/** A chart could not be resolved to a digest; the message names the chart and the cause, never a credential. */
public final class ChartResolutionException extends RenderException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param chart the chart that could not be resolved
     * @param problem what went wrong
     */
    public ChartResolutionException(ChartCoordinates chart, String problem) {
        super("cannot resolve chart " + chart.repository() + "/" + chart.chart() + ":" + chart.version() + ": "
                + problem);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param chart the chart that could not be resolved
     * @param problem what went wrong
     * @param cause the underlying failure
     */
    public ChartResolutionException(ChartCoordinates chart, String problem, Throwable cause) {
        this(chart, problem);
        initCause(cause);
    }
}
