package dev.countersign.signatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real OpenSSH tools (ssh-keygen, ssh-agent, ssh-add) for interop tests. */
final class SshTools {
    private SshTools() {}

    /** What a finished process did. */
    record Result(int exitCode, String output) {}

    static Result run(Path dir, Map<String, String> env, Path stdin, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(
                            stdin == null
                                    ? ProcessBuilder.Redirect.from(
                                            Path.of("/dev/null").toFile())
                                    : ProcessBuilder.Redirect.from(stdin.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(Path dir, String... command) {
        return run(dir, Map.of(), null, command);
    }

    static String ok(Path dir, String... command) {
        Result result = run(dir, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output();
    }

    /** Generates a key pair with ssh-keygen; returns the private key file (the public one is next to it). */
    static Path keygen(Path dir, String name, String type, String passphrase) {
        ok(dir, "ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name + "@test", "-f", name);
        return dir.resolve(name);
    }

    static SshPublicKey publicKey(Path privateKey) {
        try {
            return SshPublicKey.parse(Files.readString(Path.of(privateKey + ".pub")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ssh-keygen -Y verify} of {@code signature} over {@code message} by {@code principal}'s key. */
    static Result verify(Path dir, SshPublicKey key, String namespace, Path message, Path signature) {
        try {
            Path allowed = dir.resolve("allowed_signers");
            Files.writeString(allowed, "approver@example.org " + key.toOpenSsh() + "\n");
            return run(
                    dir,
                    Map.of(),
                    message,
                    "ssh-keygen",
                    "-Y",
                    "verify",
                    "-f",
                    allowed.toString(),
                    "-I",
                    "approver@example.org",
                    "-n",
                    namespace,
                    "-s",
                    signature.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
