package dev.countersign.cli;

import dev.countersign.stack.StackException;
import dev.countersign.stack.StackFile;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code countersign validate FILE...}: checks stack and environment files. */
@Command(name = "validate", description = "Check stack and environment files; exit 1 if any is invalid.")
final class ValidateCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Stack or environment files (YAML or JSON).")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        int failures = 0;
        for (Path file : files) {
            try {
                StackFile parsed = StackFiles.read(file);
                if (parsed.stacks().isEmpty() && parsed.environments().isEmpty()) {
                    throw new StackException(file + " holds no stack or environment document");
                }
                out().println("valid " + file + ": " + describe(parsed));
            } catch (StackException e) {
                spec.commandLine().getErr().println("invalid " + file + ": " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : Countersign.EXIT_NO;
    }

    private static String describe(StackFile file) {
        var parts = new java.util.ArrayList<String>();
        file.stacks()
                .forEach(s ->
                        parts.add("stack " + s.name() + " (" + s.components().size() + " components)"));
        file.environments().forEach(e -> parts.add("environment " + e.name() + " (cluster " + e.cluster() + ")"));
        return String.join(", ", parts);
    }
}
