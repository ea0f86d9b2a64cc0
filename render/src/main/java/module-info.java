/** Renderers that lay out a stack resolved for an environment as Flux or Argo CD objects, and their SPI. */
module dev.countersign.render {
    requires static org.jspecify;
    requires transitive dev.countersign.stack;

    exports dev.countersign.render;
    exports dev.countersign.render.spi;
    exports dev.countersign.render.oci;
    exports dev.countersign.render.layout to
            dev.countersign.gitops;
}
