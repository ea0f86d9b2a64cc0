package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountersignTest {
    @Test
    void listsItsSubcommandsInHelp() {
        Cli cli = Cli.run("--help");

        assertThat(cli.code()).isZero();
        assertThat(cli.out()).contains("validate", "render", "diff", "hash", "clone");
    }

    @Test
    void exitsTwoOnAnUnknownSubcommand() {
        Cli cli = Cli.run("frobnicate");

        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).startsWith("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void exitsTwoOnAMissingRequiredOption() {
        Cli cli = Cli.run("render", Cli.STACK);

        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).startsWith("Missing required option: '--env=ENV'");
    }

    @Test
    void printsAVersion() {
        Cli cli = Cli.run("--version");

        assertThat(cli.code()).isZero();
        assertThat(cli.out()).startsWith("countersign ");
    }

    @Test
    void helpSubcommandPrintsTheUsageOfTheRootOrOfASubcommand() {
        Cli root = Cli.run("help");
        Cli approve = Cli.run("help", "approve");

        assertThat(root.code()).as(root.err()).isZero();
        assertThat(root.out()).startsWith("Usage: countersign ").contains("completion", "help");
        assertThat(approve.code()).as(approve.err()).isZero();
        assertThat(approve.out()).startsWith("Usage: countersign approve ").contains("--as=PRINCIPAL");
    }

    @Test
    void helpSubcommandExitsTwoOnAnUnknownSubcommand() {
        Cli cli = Cli.run("help", "frobnicate");

        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("Unknown subcommand 'frobnicate'");
    }
}
