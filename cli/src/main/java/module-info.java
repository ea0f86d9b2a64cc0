/**
 * The {@code countersign} command line: stacks, policy checks, SOPS files and the propose, approve,
 * record lifecycle.
 */
module dev.countersign.cli {
    requires static org.jspecify;
    requires dev.countersign.gitops;
    requires dev.countersign.mcp;
    requires dev.countersign.policy;
    requires dev.countersign.render;
    requires dev.countersign.sops;
    requires dev.countersign.stack;
    requires info.picocli;

    exports dev.countersign.cli;

    opens dev.countersign.cli to
            info.picocli;
}
