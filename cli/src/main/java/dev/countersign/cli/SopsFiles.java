package dev.countersign.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import org.jspecify.annotations.Nullable;

/** Reading the file a {@code sops} subcommand works on, and writing its result. */
final class SopsFiles {
    private SopsFiles() {}

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + reason(e), e);
        }
    }

    /** Writes the result to standard output, or atomically over the file when {@code inPlace}. */
    static void write(Path file, byte[] content, boolean inPlace, SopsEnvironment environment) {
        if (inPlace) {
            replace(file, content);
        } else {
            try {
                environment.stdout().write(content);
                environment.stdout().flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to standard output", e);
            }
        }
    }

    /**
     * Replaces a file by writing a temporary file in the same folder and moving it over the
     * original atomically: on any failure the original is left as it was, and the temporary file
     * is removed.
     */
    static void replace(Path file, byte[] content) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
            keepPermissions(absolute, temp);
            Files.write(temp, content);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new CommandFailure("cannot replace " + file + ": " + reason(e), e);
        }
    }

    private static void keepPermissions(Path original, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }

    private static void deleteQuietly(@Nullable Path temp, IOException failure) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
