/** A generic dependency graph: deterministic deploy order, waves, cycles, blast radius and pictures. */
module dev.countersign.dag {
    requires static org.jspecify;
    requires org.jgrapht.core;

    exports dev.countersign.dag;
}
