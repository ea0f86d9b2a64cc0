package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @Test
    void acceptsTheSamples() {
        Cli cli = Cli.run("validate", Cli.STACK, Cli.PRODUCTION, Cli.STAGING);

        assertThat(cli.code()).isZero();
        assertThat(cli.out())
                .contains("valid " + Cli.STACK + ": stack monitoring (6 components)")
                .contains("environment production (cluster production-eu)");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void reportsEachInvalidFileAndExitsOne(@TempDir Path dir) throws Exception {
        Path cycle = dir.resolve("cycle.yaml");
        Files.writeString(cycle, """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: demo}
                spec:
                  components:
                    - {name: a, dependsOn: [b], manifests: [{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}]}
                    - {name: b, dependsOn: [a], manifests: [{apiVersion: v1, kind: ConfigMap, metadata: {name: b}}]}
                """);
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");

        Cli cli = Cli.run("validate", Cli.STACK, cycle.toString(), empty.toString());

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out()).contains("valid " + Cli.STACK);
        assertThat(cli.err())
                .startsWith("invalid " + cycle + ": dependency cycle: a -> b -> a")
                .contains("invalid " + empty + ": " + empty + " holds no stack or environment document");
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Cli cli = Cli.run("validate", dir.resolve("absent.yaml").toString());

        assertThat(cli.code()).isEqualTo(ExitCodes.IO);
        assertThat(cli.err()).contains("cannot read");
    }

    @Test
    void needsAtLeastOneFile() {
        assertThat(Cli.run("validate").code()).isEqualTo(2);
    }
}
