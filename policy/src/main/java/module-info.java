/** Countersign policy: principals, roles and always-on guardrail rules that explain every decision. */
module dev.countersign.policy {
    requires static transitive org.jspecify;
    requires transitive dev.countersign.stack;
    requires dev.countersign.limits;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;

    exports dev.countersign.policy;
    exports dev.countersign.policy.spi;
}
