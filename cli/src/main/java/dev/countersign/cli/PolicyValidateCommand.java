package dev.countersign.cli;

import dev.countersign.policy.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code countersign policy validate POLICY}: whether a policy file is valid, and its hash. */
@Command(name = "validate", description = "Validate a policy file; print its name and content hash.")
final class PolicyValidateCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file (YAML or JSON).")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Policy policy = inputs().policy(file);
        output.print(
                () -> List.of(file + ": valid policy " + policy.name() + " " + policy.hash()),
                () -> Map.of(
                        "file", Inputs.source(file), "name", policy.name(), "hash", String.valueOf(policy.hash())));
        return 0;
    }
}
