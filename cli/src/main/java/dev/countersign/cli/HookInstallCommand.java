package dev.countersign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code countersign hook install}: writes an executable {@code pre-receive} hook into a bare repository that
 * runs {@code countersign hook pre-receive --repo DIR}. Refuses to replace a different hook unless forced.
 */
@Command(
        name = "install",
        description = "Install the pre-receive hook into a bare repository, so the server refuses pushes to main"
                + " that do not verify.")
final class HookInstallCommand extends Subcommand {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The bare repository on the server.")
    @SuppressWarnings("NullAway.Init")
    Path directory;

    @Option(
            names = "--command",
            paramLabel = "PROGRAM",
            description = "The countersign program the hook runs, such as /usr/local/bin/countersign (default: this"
                    + " Java running this countersign jar).")
    @Nullable
    String command;

    @Option(
            names = "--hook-file",
            paramLabel = "FILE",
            description = "Where to write the hook (default DIR/hooks/pre-receive; for Gitea or Forgejo"
                    + " DIR/hooks/pre-receive.d/countersign, for GitLab DIR/custom_hooks/pre-receive).")
    @Nullable
    Path hookFile;

    @Option(names = "--force", description = "Replace a different existing hook.")
    boolean force;

    @Mixin
    HookKeyOptions keys = new HookKeyOptions();

    @Override
    public Integer call() {
        Path repository = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(repository.resolve("objects")) || !Files.isDirectory(repository.resolve("refs"))) {
            throw new CommandFailure("no bare Git repository at " + directory + ": install the hook on the server's"
                    + " repository (the folder holding objects/ and refs/)");
        }
        Path file = hookFile == null ? repository.resolve("hooks").resolve("pre-receive") : hookFile;
        String script = script(repository);
        if (Files.exists(file) && !force && !script.equals(InputFiles.text(file, "existing hook"))) {
            throw new CommandFailure(
                    "a different hook exists at " + file + ": merge it by hand or give --force to replace it");
        }
        write(file, script);
        out().println("installed " + file + ": runs " + commandLine(repository));
        return 0;
    }

    private String script(Path repository) {
        return "#!/bin/sh\n"
                + "# Countersign pre-receive hook (countersign hook install): git lands a push only if this exits 0.\n"
                + "# Refuses pushes to main that do not verify, deleting main, and rewriting refs/countersign/*.\n"
                + "exec " + commandLine(repository) + "\n";
    }

    private String commandLine(Path repository) {
        List<String> words = new ArrayList<>(program());
        words.addAll(List.of("hook", "pre-receive", "--repo", repository.toString()));
        words.addAll(keys.arguments());
        return words.stream().map(HookInstallCommand::quoted).collect(Collectors.joining(" "));
    }

    private List<String> program() {
        if (command != null) {
            return List.of(command);
        }
        Path jar = runningJar();
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
    }

    private static Path runningJar() {
        CodeSource source = Countersign.class.getProtectionDomain().getCodeSource();
        try {
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null
                    && Files.isRegularFile(location)
                    && location.toString().endsWith(".jar")) {
                return location.toAbsolutePath();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new CommandFailure("cannot tell where the countersign jar is: give --command", e);
        }
        throw new CommandFailure("countersign is not running from its jar: give --command PROGRAM");
    }

    static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static void write(Path file, String script) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".pre-receive", ".tmp");
            Files.writeString(temporary, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hook " + file + ": " + e.getMessage(), e);
        }
    }
}
