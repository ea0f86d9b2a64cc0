package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {
    private static final SopsEnvironment ENVIRONMENT = SopsEnvironment.system(System.out);

    @Test
    void namesEveryRegisteredSubcommandButHelpAndCompletion() {
        CommandLine full = Countersign.commandLine(ENVIRONMENT);
        List<String> unnamed = new ArrayList<>();

        full.getSubcommands().forEach((name, sub) -> {
            Class<?> type = sub.getCommandSpec().userObject().getClass();
            if (CommandTree.named(name) != type) {
                unnamed.add(name);
            }
        });

        assertThat(unnamed).containsExactlyInAnyOrder("help", "completion");
        assertThat(full.getSubcommands()).hasSize(CommandTree.all().size());
    }

    @Test
    void aLoneVersionNeedsNoSubcommand() {
        assertThat(CommandTree.needed("--version")).isEmpty();
        assertThat(CommandTree.needed("-V")).isEmpty();
    }

    @Test
    void aNamedSubcommandNeedsOnlyItself() {
        assertThat(CommandTree.needed("list", "--all")).containsExactly(ListCommand.class);
        assertThat(CommandTree.needed("sops", "encrypt")).containsExactly(SopsCommand.class);
    }

    @Test
    void helpCompletionUnknownNamesAndOptionsNeedEverySubcommand() {
        assertThat(CommandTree.needed()).isEqualTo(CommandTree.all());
        assertThat(CommandTree.needed("--help")).isEqualTo(CommandTree.all());
        assertThat(CommandTree.needed("--version", "list")).isEqualTo(CommandTree.all());
        assertThat(CommandTree.needed("help", "list")).isEqualTo(CommandTree.all());
        assertThat(CommandTree.needed("completion", "bash")).isEqualTo(CommandTree.all());
        assertThat(CommandTree.needed("frobnicate")).isEqualTo(CommandTree.all());
    }

    @Test
    void everySubcommandPrintsTheSameUsageAsInTheFullTree() {
        CommandLine full = Countersign.commandLine(ENVIRONMENT);
        List<String> differing = new ArrayList<>();

        for (String name : full.getSubcommands().keySet()) {
            String expected = usage(full, name);
            String actual = usage(Countersign.commandLine(ENVIRONMENT, CommandTree.needed(name)), name);
            if (!actual.equals(expected) || !actual.contains("Usage: countersign " + name + " ")) {
                differing.add(name);
            }
        }

        assertThat(differing).isEmpty();
    }

    @Test
    void printsTheSameVersionWithoutSubcommands() {
        assertThat(usage(Countersign.commandLine(ENVIRONMENT, List.of()), "--version"))
                .isEqualTo(usage(Countersign.commandLine(ENVIRONMENT), "--version"))
                .isEqualTo(Countersign.version() + System.lineSeparator())
                .startsWith("countersign ");
    }

    private static String usage(CommandLine commandLine, String name) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        String[] args = name.startsWith("-") ? new String[] {name} : new String[] {name, "--help"};
        commandLine.setOut(writer).setErr(writer).execute(args);
        writer.flush();
        return out.toString();
    }
}
