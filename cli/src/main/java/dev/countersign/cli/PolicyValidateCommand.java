package dev.countersign.cli;

import dev.countersign.policy.Policy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code countersign policy validate POLICY}: whether a policy file is valid, and its hash. */
@Command(
        name = "validate",
        description = "Validate a policy file; print its name and content hash.",
        mixinStandardHelpOptions = true)
final class PolicyValidateCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file (YAML or JSON).")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        Policy policy = Policy.read(file);
        spec.commandLine().getOut().println(file + ": valid policy " + policy.name() + " " + policy.hash());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
