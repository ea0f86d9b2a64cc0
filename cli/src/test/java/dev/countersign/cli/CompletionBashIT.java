package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script of {@code countersign completion bash}, sourced by a real bash, completes subcommands and options. */
class CompletionBashIT {
    @TempDir
    Path folder;

    @Test
    void completesSubcommandsAndOptionsInBash() throws Exception {
        Path script = folder.resolve("countersign_completion");
        Files.writeString(script, Cli.run("completion", "bash").out());

        assertThat(complete(script, "countersign prop"))
                .isEqualTo("propose propose-environment propose-policy propose-pricing propose-recipients");
        assertThat(complete(script, "countersign approve --rep")).isEqualTo("--repo");
        assertThat(complete(script, "countersign sops upd")).isEqualTo("updatekeys");
    }

    private static String complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source '" + script + "'; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                + " COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_countersign;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '";
        Process bash = new ProcessBuilder("bash", "-c", program).start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(err).isZero();
        return out.strip();
    }
}
