package dev.countersign.cli;

import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign plan STACK}: deploy order, waves, teardown and blast radius. */
@Command(
        name = "plan",
        description = "Show a stack's deploy waves and order, its teardown order, and the blast radius of"
                + " components removed since a previous version.")
final class PlanCommand extends Subcommand {
    /** The formats of a plan: text, the plan's model as JSON or YAML, or a graph as Graphviz DOT or Mermaid. */
    enum Format {
        TEXT,
        JSON,
        YAML,
        DOT,
        MERMAID;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "STACK", description = "The stack file.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Option(
            names = "--env",
            paramLabel = "ENV",
            description = "Check first that the stack renders for this environment (fail closed).")
    @Nullable
    Path environment;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a variable when rendering.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--previous", paramLabel = "OLD", description = "The deployed version, to plan removals.")
    @Nullable
    Path previous;

    @Option(
            names = {"-o", "--output", "--format"},
            paramLabel = "FORMAT",
            description = "Output format: text (default), json, yaml, dot or mermaid (--format is an alias).")
    Format format = Format.TEXT;

    @Override
    public Integer call() {
        Stack parsed = inputs().stack(stack);
        if (environment != null) {
            parsed.render(inputs().environment(environment), Overrides.typed(overrides));
        }
        DeployPlan plan =
                previous == null ? DeployPlan.of(parsed) : DeployPlan.between(inputs().stack(previous), parsed);
        spec.commandLine()
                .getOut()
                .print(
                        switch (format) {
                            case JSON -> StackFiles.toJson(plan.toTree());
                            case YAML -> StackFiles.toYaml(List.of(plan.toTree()));
                            case DOT -> plan.toDot();
                            case MERMAID -> plan.toMermaid();
                            case TEXT -> text(plan);
                        });
        out().flush();
        return 0;
    }

    /** The plan as text; waves count from 0, as in JSON, the graphs and Argo CD's sync-wave (docs/cli.md). */
    static String text(DeployPlan plan) {
        var text = new StringBuilder("plan for stack ").append(plan.stack()).append('\n');
        List<List<String>> waves = plan.waves();
        for (int i = 0; i < waves.size(); i++) {
            text.append("wave ")
                    .append(i)
                    .append(": ")
                    .append(String.join(", ", waves.get(i)))
                    .append('\n');
        }
        text.append("teardown: ").append(String.join(", ", plan.teardown())).append('\n');
        plan.removals()
                .forEach((name, dependents) -> text.append("remove ")
                        .append(name)
                        .append(dependents.isEmpty() ? "" : " (depended on by " + String.join(", ", dependents) + ")")
                        .append('\n'));
        return text.toString();
    }
}
