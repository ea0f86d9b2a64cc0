package dev.countersign.cli;

import dev.countersign.stack.Stack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Stack parsed = inputs().stack(stack);
        Stack hashed = environment == null
                ? parsed
                : parsed.render(inputs().environment(environment), Overrides.typed(overrides))
                        .stack();
        String hash = String.valueOf(hashed.contentHash());
        output.print(() -> List.of(hash), () -> model(hashed, hash));
        return 0;
    }

    private Map<String, Object> model(Stack hashed, String hash) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("stack", hashed.name());
        model.put("rendered", environment != null);
        model.put("contentHash", hash);
        return model;
    }
}
