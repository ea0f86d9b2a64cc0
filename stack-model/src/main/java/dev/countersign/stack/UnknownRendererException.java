package dev.countersign.stack;

/** An environment file names a renderer other than {@code native}, {@code flux} or {@code argocd}. */
public final class UnknownRendererException extends InvalidStackException {
    private static final long serialVersionUID = 1L;

    /** The renderer name that was not recognised. */
    private final String renderer;

    /**
     * Creates the exception.
     *
     * @param renderer the unrecognised value of {@code spec.renderer}
     */
    public UnknownRendererException(String renderer) {
        super("/spec/renderer", "unknown renderer '" + Excerpt.of(renderer) + "': must be one of native, flux, argocd");
        this.renderer = renderer;
    }

    /**
     * Returns the renderer name that was not recognised.
     *
     * @return the value of {@code spec.renderer}
     */
    public String renderer() {
        return renderer;
    }
}
