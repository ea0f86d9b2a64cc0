package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every subcommand's help follows one convention, checked on the picocli model of each. */
class HelpConventionTest {
    private static final Set<String> READ_ONLY = Set.of("show", "list", "log", "verify");
    private static final List<String> TRANSPORT = List.of("--signing-key", "--ssh-key", "--https-ca", "--registry-ca");

    static List<CommandSpec> subcommands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(Countersign.commandLine(SopsEnvironment.system(System.out)), all);
        return all;
    }

    private static void collect(CommandLine line, List<CommandSpec> all) {
        line.getSubcommands().values().stream().distinct().forEach(sub -> {
            all.add(sub.getCommandSpec());
            collect(sub, all);
        });
    }

    @Test
    void everyCommandHasADescriptionEndingInAFullStopAndHelp() {
        List<String> offending = new ArrayList<>();
        for (CommandSpec command : subcommands()) {
            String description =
                    String.join(" ", command.usageMessage().description()).replace("%n", "");
            if (!description.endsWith(".") || command.findOption("--help") == null) {
                offending.add(command.qualifiedName());
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void everyOptionDescriptionIsASentenceEndingInAFullStop() {
        List<String> offending = new ArrayList<>();
        for (CommandSpec command : subcommands()) {
            for (OptionSpec option : command.options()) {
                String description = String.join(" ", option.description());
                if (!description.endsWith(".") || !Character.isUpperCase(description.charAt(0))) {
                    offending.add(command.qualifiedName() + " " + option.longestName() + ": " + description);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theRepositoryIsAlwaysRepoFromTheSharedOption() {
        for (CommandSpec command : subcommands()) {
            OptionSpec repo = command.findOption("--repo");
            if (repo != null) {
                assertThat(repo.names()).as(command.qualifiedName()).containsExactly("--repo");
                if (command.parent() == null || !command.parent().name().equals("hook")) {
                    assertThat(mixins(command))
                            .as(command.qualifiedName())
                            .anyMatch(RepositoryOption.class::isInstance);
                }
            }
            assertThat(command.options())
                    .as(command.qualifiedName())
                    .noneMatch(o -> List.of(o.names()).contains("--repository")
                            || List.of(o.names()).contains("-r"));
        }
    }

    @Test
    void aProposalIdIsAlwaysTheSharedIdParameter() {
        for (CommandSpec command : subcommands()) {
            boolean takesId = command.positionalParameters().stream()
                    .anyMatch(p -> p.paramLabel().equals("ID"));
            if (takesId) {
                assertThat(mixins(command)).as(command.qualifiedName()).anyMatch(ProposalIdParameter.class::isInstance);
            }
        }
    }

    @Test
    void theOutputFormatIsAlwaysDashOOutputWithFormatAsAlias() {
        for (CommandSpec command : subcommands()) {
            OptionSpec output = command.findOption("--output");
            OptionSpec format = command.findOption("--format");
            if (output != null || format != null || command.findOption("-o") != null) {
                assertThat(output).as(command.qualifiedName()).isNotNull().isSameAs(format);
                assertThat(output.names()).as(command.qualifiedName()).containsExactly("-o", "--output", "--format");
                assertThat(output.paramLabel()).isEqualTo("FORMAT");
            }
        }
    }

    @Test
    void everyCommandThatPrintsAResultTakesAnOutputFormat() {
        Set<String> without = Set.of(
                "hook",
                "install",
                "pre-receive",
                "mcp",
                "policy",
                "sops",
                "encrypt",
                "decrypt",
                "rotate",
                "updatekeys",
                "completion",
                "help");
        for (CommandSpec command : subcommands()) {
            if (!without.contains(command.name())) {
                assertThat(command.findOption("--output"))
                        .as(command.qualifiedName())
                        .isNotNull();
            }
        }
    }

    @Test
    void transportOptionsAreOnlyOnCommandsThatWriteOrTalkToTheRemoteUnderTheirHeading() {
        for (CommandSpec command : subcommands()) {
            if (command.parent() != null && command.parent().name().equals("hook")) {
                continue;
            }
            if (READ_ONLY.contains(command.name())) {
                TRANSPORT.forEach(name -> assertThat(command.findOption(name))
                        .as(command.qualifiedName() + " " + name)
                        .isNull());
            } else if (command.findOption("--repo") != null) {
                TRANSPORT.forEach(name -> assertThat(command.findOption(name))
                        .as(command.qualifiedName() + " " + name)
                        .isNotNull());
            }
        }
    }

    @Test
    void showHelpDoesNotMentionTransportAndApproveHelpGroupsIt() {
        Cli show = Cli.run("show", "--help");
        Cli approve = Cli.run("approve", "--help");

        assertThat(show.out())
                .contains("--repo")
                .doesNotContain("--ssh-key", "--signing-key", "--https-ca", "Remote and");
        assertThat(approve.out())
                .contains("Remote and signing options:")
                .contains("Chart registry options:")
                .containsPattern("(?s)Remote and signing options:.*--ssh-key");
    }

    private static List<Object> mixins(CommandSpec command) {
        return command.mixins().values().stream().map(CommandSpec::userObject).toList();
    }
}
