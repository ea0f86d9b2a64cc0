package dev.countersign.cli;

import dev.countersign.sops.AgeIdentity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code countersign sops …} in-process with an injected environment (never the real one) and
 * captures standard output as bytes.
 */
final class SopsCli {
    static final SecureRandom RANDOM = new SecureRandom();

    private final Path home;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String stdin = "";

    SopsCli(Path home) {
        this.home = home;
    }

    /** The outcome of one run. */
    record Result(int code, byte[] stdout, String err) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static AgeIdentity newIdentity() {
        return AgeIdentity.generate(RANDOM);
    }

    SopsCli set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    SopsCli withKey(AgeIdentity identity) {
        return set("SOPS_AGE_KEY", identity.revealSecretKey());
    }

    SopsCli answering(String line) {
        this.stdin = line;
        return this;
    }

    Result run(String... args) {
        var stdout = new ByteArrayOutputStream();
        var out = new StringWriter();
        var err = new StringWriter();
        var environment = new SopsEnvironment(
                variables, home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout);
        String[] all = Stream.concat(Stream.of("sops"), Stream.of(args)).toArray(String[]::new);
        int code = Countersign.run(environment, new PrintWriter(out), new PrintWriter(err), all);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = stdout.size() > 0 ? stdout.toByteArray() : bytes;
        return new Result(code, content, err.toString());
    }

    /** Writes a file, creating its folders. */
    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, content);
    }

    /** Writes a {@code .sops.yaml} with one rule for the given recipients. */
    static Path config(Path dir, String pathRegex, AgeIdentity... recipients) throws IOException {
        String keys = String.join(
                ",", Stream.of(recipients).map(AgeIdentity::recipient).toList());
        return write(
                dir.resolve(".sops.yaml"),
                "creation_rules:\n  - path_regex: " + pathRegex + "\n    age: " + keys + "\n");
    }

    /** Lists a folder's entries by name, to see that no temporary file was left. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
