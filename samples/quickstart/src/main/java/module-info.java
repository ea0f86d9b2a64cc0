/** A host application that embeds Countersign in a plain {@code main}: the contract end to end, as a self-check. */
module dev.countersign.samples.quickstart {
    requires static org.jspecify;
    requires dev.countersign.gitops;
    requires dev.countersign.policy;
    requires dev.countersign.render;
    requires dev.countersign.sops;
    requires dev.countersign.stack;
    requires org.eclipse.jgit;

    exports dev.countersign.samples.quickstart;
}
