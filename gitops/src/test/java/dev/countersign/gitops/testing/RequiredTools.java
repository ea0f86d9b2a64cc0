package dev.countersign.gitops.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Finds the real programs the transport tests run, failing loudly (never skipping) when one is missing. */
public final class RequiredTools {
    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private RequiredTools() {}

    /**
     * Returns the absolute path of a program from the PATH or the system folders.
     *
     * @throws IllegalStateException naming the program and {@code .ci/run} if it is missing
     */
    public static Path require(String program) {
        return find(program)
                .orElseThrow(() -> new IllegalStateException(program
                        + " is required by this test but was not found on the PATH or in " + SYSTEM_DIRS
                        + "; .ci/run installs it (packages git, openssh-server, openssh-client)"));
    }

    private static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.stream.Stream.concat(Arrays.stream(path.split(File.pathSeparator)), SYSTEM_DIRS.stream())
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
