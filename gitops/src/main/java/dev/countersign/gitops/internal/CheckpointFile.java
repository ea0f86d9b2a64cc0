package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A file outside the repository holding the id of the last main-line commit that verified clean: the next
 * verification starts there, so a history rewritten in between is caught.
 */
final class CheckpointFile {
    private CheckpointFile() {}

    /** The commit id the file holds, or empty when the file does not exist. */
    static Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String id;
        try {
            id = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new GitOpsException("cannot read checkpoint file " + file, e);
        }
        if (!id.matches("[0-9a-f]{40}")) {
            throw new GitOpsException("checkpoint file " + file + " does not hold a commit id (40 hex digits)");
        }
        return Optional.of(id);
    }

    /** Replaces the file's content with a commit id: writes a temporary file beside it, then moves it over. */
    static void write(Path file, String id) {
        Path absolute = file.toAbsolutePath();
        Path folder = Optional.ofNullable(absolute.getParent()).orElse(Path.of("."));
        try {
            Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new GitOpsException("cannot write checkpoint file " + file, e);
        }
    }
}
