package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SopsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheSopsVerbsInHelp() {
        SopsCli.Result result = new SopsCli(dir).run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("encrypt", "decrypt", "rotate", "updatekeys");
    }

    @Test
    void exitsTwoWithoutAVerb() {
        SopsCli.Result result = new SopsCli(dir).run();

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("missing subcommand: encrypt, decrypt, rotate or updatekeys");
    }

    @Test
    void exitsTwoForAnUnknownVerb() {
        SopsCli.Result result = new SopsCli(dir).run("edit", "app.yaml");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unmatched argument");
    }
}
