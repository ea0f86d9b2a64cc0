package dev.countersign.cli;

import dev.countersign.stack.StackException;
import dev.countersign.stack.StackFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code countersign validate FILE...}: checks stack and environment files. */
@Command(name = "validate", description = "Check stack and environment files; exit 1 if any is invalid.")
final class ValidateCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Stack or environment files (YAML or JSON).")
    List<Path> files = List.of();

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        List<Map<String, Object>> results = files.stream().map(this::check).toList();
        if (output.machine()) {
            output.print(List::of, () -> results);
        } else {
            results.forEach(this::printText);
        }
        return results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("valid"))) ? ExitCodes.OK : ExitCodes.NO;
    }

    private Map<String, Object> check(Path file) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", Inputs.source(file));
        try {
            StackFile parsed = inputs().file(file);
            if (parsed.stacks().isEmpty() && parsed.environments().isEmpty()) {
                throw new StackException(Inputs.source(file) + " holds no stack or environment document");
            }
            result.put("valid", true);
            result.put("description", describe(parsed));
        } catch (StackException e) {
            result.put("valid", false);
            result.put("error", String.valueOf(e.getMessage()));
        }
        return result;
    }

    private void printText(Map<String, Object> result) {
        if (Boolean.TRUE.equals(result.get("valid"))) {
            out().println("valid " + result.get("file") + ": " + result.get("description"));
        } else {
            spec.commandLine().getErr().println("invalid " + result.get("file") + ": " + result.get("error"));
        }
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
