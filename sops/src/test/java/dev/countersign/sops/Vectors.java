package dev.countersign.sops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared SOPS test vectors: the first ancestor of the module holding shared/sops-vectors. */
public final class Vectors {
    private Vectors() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve("sops-vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no directory shared/sops-vectors above " + dir
                + ": the SOPS test vectors must be checked out next to the repository");
    }
}
