package dev.countersign.cli;

import dev.countersign.stack.Environment;
import dev.countersign.stack.RenderedStack;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import dev.countersign.stack.VariableUse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code countersign render STACK --env ENV}: the stack resolved for an environment. */
@Command(name = "render", description = "Resolve a stack's variables for an environment; secret values are redacted.")
final class RenderCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "STACK", description = "The stack file.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment file.")
    @SuppressWarnings("NullAway.Init")
    Path environment;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Override a variable (highest precedence); integers and true/false are typed.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = {"-o", "--output", "--format"},
            paramLabel = "FORMAT",
            description = "Output format: yaml (default) or json; with --explain text (default), json or yaml"
                    + " (--format is an alias).")
    @Nullable
    Output output;

    @Option(names = "--explain", description = "List each variable use: pointer, variable, value source.")
    boolean explain;

    @Option(names = "--show-secrets", description = "Print secret values in plaintext instead of redacting them.")
    boolean showSecrets;

    @Override
    public Integer call() {
        if (output == Output.TEXT && !explain) {
            throw new ParameterException(
                    spec.commandLine(), "invalid output format 'text' for render: yaml or json (text with --explain)");
        }
        Stack parsed = inputs().stack(stack);
        Environment target = inputs().environment(environment);
        RenderedStack rendered = parsed.render(target, Overrides.typed(overrides));
        PrintWriter out = out();
        if (explain) {
            List<VariableUse> uses = rendered.uses();
            out.print(OutputOption.render(
                    output == null ? Output.TEXT : output,
                    () -> uses.stream().map(RenderCommand::line).toList(),
                    () -> uses.stream().map(RenderCommand::tree).toList()));
        } else {
            Stack shown = showSecrets ? rendered.stack() : rendered.redacted();
            out.print(
                    output == Output.JSON
                            ? StackFiles.toJson(shown.toTree())
                            : StackFiles.toYaml(List.of(shown.toTree())));
        }
        out.flush();
        return 0;
    }

    private static String line(VariableUse use) {
        return use.location() + "\t" + use.variable() + "\t" + use.source().label();
    }

    private static Map<String, Object> tree(VariableUse use) {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("component", use.location().component());
        tree.put("pointer", use.location().pointer());
        tree.put("variable", use.variable());
        tree.put("source", use.source().label());
        return tree;
    }
}
