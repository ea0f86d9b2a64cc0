package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Runs the real OpenSSH tools ({@code ssh-keygen}, {@code ssh-agent}, {@code ssh-add}) in a folder. */
final class SshTool {
    private SshTool() {}

    /** The exit code and combined output of a finished process. */
    record Result(int code, String out) {}

    static Result run(Path dir, Map<String, String> env, @Nullable Path stdin, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from((stdin == null ? Path.of("/dev/null") : stdin).toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    static String ok(Path dir, String... command) throws IOException, InterruptedException {
        Result result = run(dir, Map.of(), null, command);
        assertThat(result.code())
                .as(String.join(" ", command) + "\n" + result.out())
                .isZero();
        return result.out();
    }

    /** Generates a key pair; returns the private key file ({@code .pub} next to it). */
    static Path keygen(Path dir, String name, String type, String passphrase) throws IOException, InterruptedException {
        ok(dir, "ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name + "@example.org", "-f", name);
        return dir.resolve(name);
    }

    /** {@code ssh-keygen -Y sign -n NAMESPACE -f KEY FILE}; returns the signature file. */
    static Path sign(Path dir, Path key, String namespace, Path message) throws IOException, InterruptedException {
        ok(dir, "ssh-keygen", "-q", "-Y", "sign", "-n", namespace, "-f", key.toString(), message.toString());
        return Path.of(message + ".sig");
    }
}
