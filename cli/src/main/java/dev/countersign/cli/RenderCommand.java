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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    @Option(names = "--output", paramLabel = "yaml|json", description = "Output format (default: yaml).")
    Output output = Output.YAML;

    @Option(names = "--explain", description = "List each variable use: pointer, variable, value source.")
    boolean explain;

    @Option(names = "--show-secrets", description = "Print secret values in plaintext instead of redacting them.")
    boolean showSecrets;

    @Override
    public Integer call() {
        Stack parsed = StackFiles.readStack(stack);
        Environment target = StackFiles.readEnvironment(environment);
        RenderedStack rendered = parsed.render(target, Overrides.typed(overrides));
        PrintWriter out = out();
        if (explain) {
            out.print(explanation(rendered.uses()));
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

    private String explanation(List<VariableUse> uses) {
        if (output == Output.JSON) {
            return StackFiles.toJson(uses.stream().map(RenderCommand::tree).toList());
        }
        var text = new StringBuilder();
        for (VariableUse use : uses) {
            text.append(use.location())
                    .append('\t')
                    .append(use.variable())
                    .append('\t')
                    .append(use.source().label())
                    .append('\n');
        }
        return text.toString();
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
