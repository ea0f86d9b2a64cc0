package dev.countersign.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An independent SHA-256: the {@code sha256sum} tool. */
final class Hashes {
    private Hashes() {}

    static String sha256(String text) {
        try {
            Process process = new ProcessBuilder("sha256sum").start();
            try (var in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            process.waitFor();
            return "sha256:" + out.substring(0, 64);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("sha256sum failed", e);
        }
    }
}
