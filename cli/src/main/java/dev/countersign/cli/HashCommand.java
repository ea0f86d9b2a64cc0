package dev.countersign.cli;

import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign hash STACK [--env ENV]}: the canonical content hash. */
@Command(
        name = "hash",
        description = "Print the content hash (sha256 over canonical JSON) of a stack, or of its rendering.")
final class HashCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "STACK", description = "The stack file.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Option(names = "--env", paramLabel = "ENV", description = "Hash the stack as rendered for this environment.")
    @Nullable
    Path environment;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a variable when rendering.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Stack parsed = StackFiles.readStack(stack);
        Stack hashed = environment == null
                ? parsed
                : parsed.render(StackFiles.readEnvironment(environment), Overrides.typed(overrides))
                        .stack();
        out().println(hashed.contentHash());
        return 0;
    }
}
