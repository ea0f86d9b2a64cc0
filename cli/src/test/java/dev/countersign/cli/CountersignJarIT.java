package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar through the {@code bin/countersign} launcher, as a user would. */
class CountersignJarIT {
    static final Path LAUNCHER =
            Path.of("..", "bin", "countersign").toAbsolutePath().normalize();

    record Run(int code, String out, String err) {}

    static Run launch(Path launcher, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void validatesTheSamplesFromTheBuiltJar() throws Exception {
        Run run = launch(LAUNCHER, "validate", Cli.STACK, Cli.PRODUCTION, Cli.STAGING);

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("stack monitoring (6 components)");
    }

    @Test
    void exitsOneWithTheMessageOnStandardError() throws Exception {
        Run run = launch(LAUNCHER, "render", Cli.STACK, "--env", Cli.PRODUCTION);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("undefined variable 'cloudflare_api_token'");
    }

    @Test
    void explainsHowToBuildWhenTheJarIsMissing(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path copy = Files.copy(LAUNCHER, bin.resolve("countersign"));

        Run run = launch(copy, "--version");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("countersign.jar is missing; build it first with: mvn -B -pl cli -am package");
    }
}
