package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompletionCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "BASH"})
    void printsTheCompletionScriptOfEverySubcommand(String shell) {
        Cli cli = Cli.run("completion", shell);

        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_countersign")
                .contains("bashcompinit")
                .contains("propose-environment", "updatekeys", "--on-behalf-of", "--ssh-known-hosts");
    }

    @Test
    void exitsTwoOnAShellItHasNoScriptFor() {
        Cli cli = Cli.run("completion", "fish");

        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("expected one of [BASH, ZSH]", "'fish'");
    }

    @Test
    void exitsTwoWithoutAShell() {
        Cli cli = Cli.run("completion");

        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required parameter: 'SHELL'");
    }
}
