/** The {@code countersign} command line: validate, render, diff, hash and clone stacks, check policies, and encrypt SOPS files. */
module dev.countersign.cli {
    requires static org.jspecify;
    requires dev.countersign.stack;
    requires dev.countersign.policy;
    requires dev.countersign.sops;
    requires info.picocli;

    exports dev.countersign.cli;

    opens dev.countersign.cli to
            info.picocli;
}
