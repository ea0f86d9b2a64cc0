package dev.countersign.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the {@code sops} subcommands read from the process: environment variables ({@code
 * SOPS_AGE_KEY}, {@code SOPS_AGE_KEY_FILE}, {@code XDG_CONFIG_HOME}, {@code COUNTERSIGN_PGP_KEYRING}),
 * the home directory, standard input (for confirmations) and standard output as bytes (so binary
 * plaintext passes unchanged). Tests pass their own instead of touching the real process.
 *
 * @param variables the environment variables
 * @param home the user's home directory
 * @param stdin where confirmations are read from
 * @param stdout where file contents are written
 */
record SopsEnvironment(Map<String, String> variables, Path home, InputStream stdin, OutputStream stdout) {
    SopsEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The real process, writing file contents to {@code System.out} byte for byte. */
    static SopsEnvironment system(PrintStream stdout) {
        return new SopsEnvironment(System.getenv(), userHome(), System.in, stdout);
    }

    /** The real process, writing file contents as UTF-8 text to a writer, as embedding hosts want. */
    static SopsEnvironment system(PrintWriter out) {
        return new SopsEnvironment(System.getenv(), userHome(), System.in, new WriterOutput(out));
    }

    private static Path userHome() {
        return Path.of(System.getProperty("user.home", "."));
    }
}
