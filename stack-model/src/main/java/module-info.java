/** Stacks and environments: parsing, validation, variables, canonical hashing, render, diff and clone. */
module dev.countersign.stack {
    requires static transitive org.jspecify;
    requires dev.countersign.dag;
    requires dev.countersign.limits;
    requires tools.jackson.core;
    requires tools.jackson.dataformat.yaml;
    requires org.snakeyaml.engine;

    exports dev.countersign.stack;
}
