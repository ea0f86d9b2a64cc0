package dev.countersign.cli;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --color auto|always|never} option of a command that prints diffs as text. {@code auto} colours only
 * when standard output is a terminal and the {@code NO_COLOR} environment variable is unset or empty
 * (https://no-color.org); {@code always} colours even when piped or under {@code NO_COLOR}.
 */
final class ColorOption {
    /** When to colour. */
    enum When {
        /** On a terminal, unless {@code NO_COLOR} is set. */
        AUTO,
        /** Always. */
        ALWAYS,
        /** Never. */
        NEVER
    }

    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init")
    CommandSpec command;

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            description = "Colour the text: auto (default; on a terminal, unless NO_COLOR is set), always or never.")
    When when = When.AUTO;

    /** The palette this run prints with. */
    Palette palette() {
        SopsEnvironment environment = Countersign.environment(command);
        // an embedding host's writer is no terminal even when the process has one
        boolean terminal = environment.stdout() == System.out && terminal();
        return new Palette(colours(when, environment.variables(), terminal));
    }

    /**
     * Whether the process's console is a terminal. Java 17 has a console only when standard input and output are
     * terminals; from Java 22 there is always one, and its {@code isTerminal()} tells.
     */
    @SuppressWarnings("SystemConsoleNull")
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Whether to colour, given the choice, the environment variables and whether the output is a terminal. */
    static boolean colours(When when, Map<String, String> variables, boolean terminal) {
        return switch (when) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && variables.getOrDefault("NO_COLOR", "").isEmpty();
        };
    }
}
