package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built jar with {@code -Xlog:class+load} and checks what a run that needs no repository loads: no JGit,
 * BouncyCastle or Jackson, only the subcommands it names, and for a lone {@code --version} not even picocli (issue 25,
 * goal 4).
 */
class StartupClassesIT {
    private static final Path JAR = Path.of("target", "countersign.jar").toAbsolutePath();
    private static final List<String> LIBRARIES =
            List.of("org.eclipse.jgit.", "org.bouncycastle.", "tools.jackson.", "com.fasterxml.jackson.");
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source:");

    @TempDir
    Path temp;

    @Test
    void versionLoadsNoLibraryNoSubcommandAndNotEvenPicocli() throws Exception {
        List<String> loaded = loadedClasses("countersign ", "--version");

        assertThat(loaded).contains("dev.countersign.cli.Countersign", "dev.countersign.cli.CommandTree");
        assertThat(loaded).doesNotContain("picocli.CommandLine");
        assertThat(loaded).filteredOn(StartupClassesIT::fromALibrary).isEmpty();
        assertThat(loaded)
                .filteredOn(name -> name.startsWith("dev.countersign.")
                        && (name.endsWith("Command") || !name.startsWith("dev.countersign.cli.")))
                .isEmpty();
    }

    @Test
    void helpListsEveryCommandWithoutLoadingALibrary() throws Exception {
        List<String> loaded = loadedClasses("Usage: countersign ", "--help");

        assertThat(loaded).contains("dev.countersign.cli.ListCommand", "dev.countersign.cli.SopsEncryptCommand");
        assertThat(loaded).filteredOn(StartupClassesIT::fromALibrary).isEmpty();
    }

    @Test
    void aSubcommandsHelpLoadsThatSubcommandOnly() throws Exception {
        List<String> loaded = loadedClasses("Usage: countersign list ", "list", "--help");

        assertThat(loaded).contains("dev.countersign.cli.ListCommand");
        assertThat(loaded).doesNotContain("dev.countersign.cli.ValidateCommand", "dev.countersign.cli.SopsCommand");
        assertThat(loaded).filteredOn(StartupClassesIT::fromALibrary).isEmpty();
    }

    private static boolean fromALibrary(String name) {
        return LIBRARIES.stream().anyMatch(name::startsWith);
    }

    /** Runs the jar and returns the names of the classes the JVM loaded, checking the run printed what it should. */
    private List<String> loadedClasses(String printed, String... args) throws Exception {
        Path log = temp.resolve("classes-" + String.join("-", args) + ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-Xlog:class+load=info:file=" + log,
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out).startsWith(printed);
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher matcher = LOADED.matcher(line);
            if (matcher.find()) {
                loaded.add(matcher.group(1));
            }
        }
        return loaded;
    }
}
