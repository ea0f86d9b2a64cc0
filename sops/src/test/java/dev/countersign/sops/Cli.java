package dev.countersign.sops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line tool for interop tests, failing (never skipping) when it is missing. */
public final class Cli {
    private Cli() {}

    /** The outcome of one run. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        /** Returns stdout as UTF-8 text. */
        public String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs a command with stdin and extra environment, and returns its result; fails after a minute. */
    public static Result run(List<String> command, byte[] stdin, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "the '" + command.get(0) + "' command is required for this interop test"
                            + " but could not be started (install it: apt-get install -y age gnupg): " + e.getMessage(),
                    e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Runs a command that must succeed, and returns its stdout. */
    public static byte[] succeed(List<String> command, byte[] stdin, Map<String, String> environment) {
        Result result = run(command, stdin, environment);
        if (result.exitCode() != 0) {
            throw new AssertionError(command + " exited with " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
