package dev.countersign.render.spi;

/**
 * Lays out a stack resolved for one environment as repository files, in the format a reconciler
 * (Flux, Argo CD or Countersign's own layout) reads.
 *
 * <p>Implementations are pure and deterministic: the same request yields byte-identical files, so
 * rendering twice never shows up as a change in a proposal. They are immutable and thread-safe, and
 * never write plaintext secret values.
 */
public interface LayoutRenderer {
    /**
     * Renders the files for one stack in one environment.
     *
     * @param request the environment, the resolved stack and its deploy waves
     * @return the files, by repository-relative path
     * @throws dev.countersign.render.RenderException if the stack cannot be expressed in this layout
     */
    RenderedFiles render(RenderRequest request);
}
