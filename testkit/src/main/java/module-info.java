/** Countersign testkit: QuickTheories generators of valid, shrinkable graphs, stacks and policies for hosts' tests. */
@SuppressWarnings("requires-transitive-automatic")
module dev.countersign.testkit {
    requires static transitive org.jspecify;
    requires transitive dev.countersign.dag;
    requires transitive dev.countersign.stack;
    requires transitive dev.countersign.policy;
    requires transitive quicktheories;

    exports dev.countersign.testkit;
}
