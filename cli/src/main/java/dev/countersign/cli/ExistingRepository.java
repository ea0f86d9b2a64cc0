package dev.countersign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Checks, without opening or creating anything, that {@code --repo DIR} names a repository {@code countersign init}
 * made: a Git directory ({@code DIR} itself, or {@code DIR/.git}) holding a {@code main} branch. Opening a repository
 * creates one where there is none, so every command but {@code init} checks first.
 */
final class ExistingRepository {
    private static final String MAIN = "refs/heads/main";

    private ExistingRepository() {}

    /** Fails, naming the path and what is missing, unless {@code directory} holds an initialized repository. */
    static void require(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw missing(directory, "there is no such directory");
        }
        Path git = Files.isDirectory(directory.resolve(".git")) ? directory.resolve(".git") : directory;
        if (!Files.isRegularFile(git.resolve("HEAD")) || !Files.isDirectory(git.resolve("objects"))) {
            throw missing(directory, "it is not a Git repository");
        }
        if (!Files.isRegularFile(git.resolve(MAIN)) && !packed(git.resolve("packed-refs"))) {
            throw missing(directory, "it has no " + MAIN + " branch");
        }
    }

    private static boolean packed(Path packedRefs) {
        if (!Files.isRegularFile(packedRefs)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(packedRefs)) {
            return lines.anyMatch(line -> line.endsWith(" " + MAIN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + packedRefs, e);
        }
    }

    private static CommandFailure missing(Path directory, String reason) {
        return CommandFailure.notFound("no Countersign repository at " + directory + ": " + reason
                + " (countersign init --repo " + directory + " creates one)");
    }
}
