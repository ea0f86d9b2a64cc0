package dev.countersign.sops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared SOPS test vectors: found through the system property {@code countersign.sops.vectors}
 * or by walking up from the working directory to a folder with a {@code shared/sops-vectors} child.
 */
public final class Vectors {
    private static final Pattern DATA_KEY = Pattern.compile("\"data_key_hex\":\\s*\"([0-9a-f]+)\"");

    private Vectors() {}

    /** Returns the vectors folder, failing clearly when it cannot be found. */
    public static Path root() {
        String configured = System.getProperty("countersign.sops.vectors");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/sops-vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/sops-vectors not found above "
                + Path.of("").toAbsolutePath() + "; set -Dcountersign.sops.vectors=DIR");
    }

    /** Returns a file below the vectors folder. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing vector file " + path);
        }
        return path;
    }

    /** Returns the expected data key of a vector. */
    public static byte[] dataKey(String vector) {
        Matcher matcher = DATA_KEY.matcher(read(file("expected/" + vector + ".expected.json")));
        if (!matcher.find()) {
            throw new IllegalStateException("no data_key_hex for " + vector);
        }
        return HexFormat.of().parseHex(matcher.group(1));
    }

    /**
     * Returns every armored block of a kind ({@code AGE ENCRYPTED FILE}, {@code PGP MESSAGE}) in a
     * vector, in file order, with the store's escaping and indentation undone.
     */
    public static List<String> armoredBlocks(String vector, String kind) {
        String text = read(file(vector)).replace("\\n", "\n");
        Pattern block = Pattern.compile("-----BEGIN " + kind + "-----.*?-----END " + kind + "-----", Pattern.DOTALL);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = block.matcher(text);
        while (matcher.find()) {
            StringBuilder clean = new StringBuilder();
            for (String line : matcher.group().split("\n", -1)) {
                clean.append(line.strip()).append('\n');
            }
            blocks.add(clean.toString());
        }
        return blocks;
    }

    /** Reads a file as UTF-8. */
    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
