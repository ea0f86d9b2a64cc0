package dev.countersign.cli;

import dev.countersign.policy.Policy;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code countersign policy validate POLICY}: whether a policy file is valid, and its hash. */
@Command(name = "validate", description = "Validate a policy file; print its name and content hash.")
final class PolicyValidateCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file (YAML or JSON).")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        Policy policy = Policy.read(file);
        out().println(file + ": valid policy " + policy.name() + " " + policy.hash());
        out().flush();
        return 0;
    }
}
