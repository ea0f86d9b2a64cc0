package dev.countersign.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as the README's command does, with its output piped. */
class QuickstartJarIT {
    static final Path JAR = Path.of("target", "quickstart.jar").toAbsolutePath();

    record Run(int code, String out, String err) {}

    static Run launch(Path workingDirectory, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("NO_COLOR");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void tellsTheStoryFromAnyDirectoryPlainWhenPipedAndExitsZero(@TempDir Path dir) throws Exception {
        Run run = launch(dir);

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out())
                .doesNotContain("\u001b[")
                .contains("denied by rule humans-approve")
                .contains("denied by rule protection")
                .contains("Countersign-Approved-By: human:carol")
                .contains("✓ 7 commits checked, no findings")
                .contains("missing-trailers")
                .contains("Done: every step behaved as the contract says.");
        assertThat(dir.resolve("target/quickstart/gitops")).isDirectory();
    }

    @Test
    void runsAgainInTheSameDirectory(@TempDir Path dir) throws Exception {
        Run first = launch(dir, "work");
        Run second = launch(dir, "work");

        assertThat(first.code()).as(first.out()).isZero();
        assertThat(second.code()).as(second.out()).isZero();
        assertThat(second.out()).contains("✗ verify: 8 commits checked, 1 finding");
    }
}
