package dev.countersign.samples.quickstart;

import dev.countersign.sops.AgeIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The quickstart's directory: recreated empty on every run, so re-running starts the story again. Only a
 * directory that is empty or that an earlier run made (it holds the marker file) is ever wiped.
 */
final class Workspace {
    static final String MARKER = ".countersign-quickstart";

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /** Wipes and recreates the directory. */
    static Workspace fresh(Path directory) {
        try {
            if (Files.exists(directory)) {
                requireOurs(directory);
                delete(directory);
            }
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKER), "made by the Countersign quickstart; wiped on every run\n");
            return new Workspace(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate " + directory, e);
        }
    }

    Path root() {
        return root;
    }

    Path gitDirectory() {
        return root.resolve("gitops");
    }

    Path keyFile() {
        return root.resolve("keys.txt");
    }

    /** Writes an age identity as {@code keys.txt} in the age key-file format, readable by the owner only. */
    Path writeKey(AgeIdentity identity, Instant createdAt) {
        Path file = keyFile();
        String text = "# created: " + createdAt + "\n# public key: " + identity.recipient() + "\n"
                + identity.revealSecretKey() + "\n";
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the age key file " + file, e);
        }
    }

    private static void requireOurs(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent() && !Files.exists(directory.resolve(MARKER))) {
                throw new IllegalArgumentException("refusing to wipe " + directory
                        + ": it is not empty and no earlier quickstart run made it; pass another directory");
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
