/** The {@code countersign} command line: validate, plan, render, diff, hash and clone stacks. */
module dev.countersign.cli {
    requires static org.jspecify;
    requires dev.countersign.stack;
    requires info.picocli;

    exports dev.countersign.cli;

    opens dev.countersign.cli to
            info.picocli;
}
