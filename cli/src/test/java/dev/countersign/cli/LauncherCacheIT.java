package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/countersign} over a copy of the built jar with its own cache folder: the first run makes the
 * class-data archive (JDK 17-24) or AOT cache (JDK 25+), later runs reuse it, and nothing about it can fail a command.
 */
class LauncherCacheIT {
    @TempDir
    static Path installation;

    private static Path launcher;
    private static Path jar;

    @TempDir
    Path temp;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void install() throws IOException {
        launcher = Files.copy(
                CountersignJarIT.LAUNCHER,
                Files.createDirectories(installation.resolve("bin")).resolve("countersign"));
        jar = Files.copy(
                Path.of("target", "countersign.jar"),
                Files.createDirectories(installation.resolve("cli/target")).resolve("countersign.jar"));
    }

    @Test
    void makesTheArchiveOnTheFirstRunAndReusesItOnTheSecond() throws Exception {
        Path cache = temp.resolve("cache");
        Run first = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");
        Path archive = onlyArchive(cache);
        String made = fingerprint(archive);
        Path classes = temp.resolve("classes.txt");

        Run second = launch(
                Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes),
                "--version");

        assertThat(first.code()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).startsWith("countersign ");
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(onlyArchive(cache)).isEqualTo(archive);
        assertThat(fingerprint(archive)).isEqualTo(made);
        assertThat(Files.readString(classes)).contains("dev.countersign.cli.Countersign source: shared objects file");
    }

    @Test
    void keepsTheExitCodeAndErrorsOfTheRunThatMakesTheArchive() throws Exception {
        Path cache = temp.resolve("cache");

        Run run = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "frobnicate");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unmatched argument at index 0: 'frobnicate'");
        assertThat(run.out()).isEmpty();
        onlyArchive(cache);
    }

    @Test
    void replacesTheArchiveOfARebuiltJar() throws Exception {
        Path cache = temp.resolve("cache");
        launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");
        Path before = onlyArchive(cache);
        FileTime built = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() + 60_000));
        try {
            Run run = launch(Map.of("XDG_CACHE_HOME", cache.toString()), "--version");

            assertThat(run.code()).isZero();
            assertThat(onlyArchive(cache)).isNotEqualTo(before);
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    @Test
    void runsWithoutAnArchiveWhenTheCacheFolderCannotBeMade() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("cache"), "a file, not a folder");

        Run run = launch(Map.of("XDG_CACHE_HOME", notAFolder.toString()), "--version");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("countersign ");
        assertThat(notAFolder).hasContent("a file, not a folder");
    }

    @Test
    void makesNoArchiveWhenTurnedOff() throws Exception {
        Path cache = temp.resolve("cache");

        Run run = launch(Map.of("XDG_CACHE_HOME", cache.toString(), "COUNTERSIGN_CDS", "off"), "--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("countersign ");
        assertThat(cache).doesNotExist();
    }

    /** The one archive in the cache folder; no temporary file is left beside it. */
    private static Path onlyArchive(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("countersign"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).toString()).matches(".*/[0-9]+-[0-9]+-[0-9]+-[^/]+\\.(jsa|aot)");
            return all.get(0);
        }
    }

    private static String fingerprint(Path file) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return Files.getLastModifiedTime(file) + " " + HexFormat.of().formatHex(digest);
    }

    private static Run launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("COUNTERSIGN_CDS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }
}
