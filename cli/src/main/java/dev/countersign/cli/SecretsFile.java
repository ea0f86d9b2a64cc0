package dev.countersign.cli;

import dev.countersign.gitops.Secrets;
import java.nio.file.Path;

/** Reads the {@code --secrets FILE} of propose and revise. */
final class SecretsFile {
    private SecretsFile() {}

    static Secrets read(Path file) {
        return Secrets.parse(InputFiles.text(file, "secrets"), file.toString());
    }
}
