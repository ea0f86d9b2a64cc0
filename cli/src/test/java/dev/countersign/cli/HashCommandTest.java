package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.stack.StackFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCommandTest {
    @Test
    void printsTheContentHash() {
        Cli cli = Cli.run("hash", Cli.STACK);

        assertThat(cli.code()).isZero();
        assertThat(cli.out().strip()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void hashesTheJsonSpellingTheSame(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("monitoring.json");
        Files.writeString(
                json, StackFiles.toJson(StackFiles.readStack(Path.of(Cli.STACK)).toTree()));

        assertThat(Cli.run("hash", json.toString()).out())
                .isEqualTo(Cli.run("hash", Cli.STACK).out());
    }

    @Test
    void hashesTheRenderingPerEnvironment() {
        String production = Cli.run(Cli.with(new String[] {"hash", Cli.STACK, "--env", Cli.PRODUCTION}, Cli.SECRETS))
                .out();
        String staging = Cli.run(Cli.with(new String[] {"hash", Cli.STACK, "--env", Cli.STAGING}, Cli.SECRETS))
                .out();

        assertThat(production).startsWith("sha256:").isNotEqualTo(staging);
    }

    @Test
    void exitsOneOnAnInvalidStack(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: countersign.dev/v1\nkind: Stack\nmetadata: {name: Bad_Name}\nspec: {}\n");

        Cli cli = Cli.run("hash", bad.toString());

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.err()).startsWith("invalid stack name 'Bad_Name'");
    }
}
