package dev.countersign.cli;

import dev.countersign.gitops.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the {@code --secrets FILE} of propose and revise. */
final class SecretsFile {
    private SecretsFile() {}

    static Secrets read(Path file) {
        try {
            return Secrets.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secrets file " + file, e);
        }
    }
}
