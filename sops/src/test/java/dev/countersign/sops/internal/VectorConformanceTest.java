package dev.countersign.sops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.MacMismatchException;
import dev.countersign.sops.PgpKeyring;
import dev.countersign.sops.PgpKeys;
import dev.countersign.sops.Vectors;
import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance over every shared vector: with only the vector's published age or PGP key file, the
 * data key unwraps to the one in {@code expected/}, every value decrypts to its expected type and
 * plaintext under its AAD, comments decrypt, and the MAC verifies.
 */
class VectorConformanceTest {
    static Stream<Path> expectedFiles() throws IOException {
        Path expected = Vectors.root().resolve("expected");
        try (Stream<Path> files = Files.walk(expected)) {
            return files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList().stream();
        }
    }

    @Test
    void findsAllFortyOneEncryptedVectors() throws IOException {
        assertThat(expectedFiles()).hasSize(41);
    }

    @ParameterizedTest
    @MethodSource("expectedFiles")
    void decryptsEveryValueAndVerifiesTheMac(Path expectedFile) {
        MapNode expected = readExpected(expectedFile);
        String vector = text(expected, "vector");
        FileFormat format = FileFormat.named(text(expected, "format"));
        byte[] dataKey = HexFormat.of().parseHex(text(expected, "data_key_hex"));
        boolean macOk = expected.get("mac_matches_file").orElseThrow() instanceof Scalar s && Scalars.isTrue(s);
        Store store = Stores.of(format);
        Store.EncryptedTree tree = store.readEncrypted(read(Vectors.root().resolve(vector)));
        KeyRing keys = text(expected, "key_type").equals("age")
                ? realAge(text(expected, "key_file"))
                : realPgp(text(expected, "key_file"));
        Engine engine = new Engine(keys, Clock.systemUTC(), new SecureRandom(), "3.13.2");
        if (!macOk) {
            assertThatThrownBy(() -> engine.open(tree, true)).isInstanceOf(MacMismatchException.class);
        }
        try (Engine.Opened opened = engine.open(tree, macOk)) {
            assertThat(opened.cipher().dataKey()).isEqualTo(dataKey);
            assertLeaves(opened.documents(), expected);
            assertComments(opened.documents(), expected);
            expected.get("binary_plaintext")
                    .ifPresent(b ->
                            assertThat(store.writePlain(opened.documents())).isEqualTo(((Scalar) b).bytes()));
        }
    }

    /** The upstream functional tests' exact {@code sops decrypt} outputs. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "format.enc.yaml|foo: bar\\n",
                "format.enc.json|{\\n\\t\"foo\": \"bar\"\\n}\\n",
                "format.enc.env|foo = bar\\n",
                "format.enc.ini|[foo]\\nbar = baz\\n",
                "format-2.enc.ini|[foo]\\nbar = baz\\n"
            })
    void writesTheDecryptedFileExactlyAsSops(String name, String output) {
        String vector = "getsops-sops/functional-tests/res/" + name;
        FileFormat format = FileFormat.of(Path.of(name));
        byte[] dataKey = HexFormat.of()
                .parseHex(text(
                        readExpected(Vectors.root().resolve("expected/" + vector + ".expected.json")), "data_key_hex"));
        Store store = Stores.of(format);
        Engine engine = new Engine(oracle(dataKey), Clock.systemUTC(), new SecureRandom(), "3.13.2");
        try (Engine.Opened opened =
                engine.open(store.readEncrypted(read(Vectors.root().resolve(vector))), true)) {
            assertThat(new String(store.writePlain(opened.documents()), StandardCharsets.UTF_8))
                    .isEqualTo(output.replace("\\n", "\n").replace("\\t", "\t"));
        }
    }

    private static void assertLeaves(List<MapNode> documents, MapNode expected) {
        List<Leaf> actual = new ArrayList<>();
        documents.forEach(d -> collect(d, new ArrayList<>(), actual));
        List<Node> leaves = ((ListNode) expected.get("leaves").orElseThrow()).elements();
        assertThat(actual).hasSize(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            MapNode leaf = (MapNode) leaves.get(i);
            assertThat(actual.get(i).path()).isEqualTo(path(leaf));
            if (leaf.get("encrypted").orElseThrow() instanceof Scalar s && Scalars.isTrue(s)) {
                assertThat(actual.get(i).value().type().wireName()).isEqualTo(text(leaf, "type"));
                assertThat(actual.get(i).value().bytes())
                        .isEqualTo(((Scalar) leaf.get("plaintext").orElseThrow()).bytes());
            } else if (leaf.get("value").orElseThrow() instanceof Scalar v && v.type() == ValueType.STR) {
                assertThat(actual.get(i).value().text()).isEqualTo(v.text());
            }
        }
    }

    private static void assertComments(List<MapNode> documents, MapNode expected) {
        List<String> comments = new ArrayList<>();
        documents.forEach(d -> comments(d, comments));
        List<String> expectedComments = new ArrayList<>();
        ((ListNode) expected.get("encrypted_comments").orElseThrow())
                .elements()
                .forEach(c -> expectedComments.add(text((MapNode) c, "plaintext")));
        if (!expectedComments.isEmpty()) {
            assertThat(comments).containsSubsequence(expectedComments).noneMatch(c -> c.startsWith("ENC["));
        }
    }

    private record Leaf(List<String> path, Scalar value) {}

    private static void collect(Node node, List<String> path, List<Leaf> out) {
        if (node instanceof MapNode map) {
            for (Item item : map.items()) {
                if (item instanceof Pair pair) {
                    path.add(pair.key());
                    collect(pair.value(), path, out);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof ListNode list) {
            int index = 0;
            for (Node element : list.elements()) {
                if (!(element instanceof Comment)) {
                    path.add(Integer.toString(index++));
                    collect(element, path, out);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof Scalar scalar) {
            out.add(new Leaf(List.copyOf(path), scalar));
        }
    }

    private static void comments(Node node, List<String> out) {
        if (node instanceof MapNode map) {
            for (Item item : map.items()) {
                if (item instanceof Comment c) {
                    out.add(c.text());
                } else {
                    comments(((Pair) item).value(), out);
                }
            }
        } else if (node instanceof ListNode list) {
            for (Node element : list.elements()) {
                if (element instanceof Comment c) {
                    out.add(c.text());
                } else {
                    comments(element, out);
                }
            }
        }
    }

    private static List<String> path(MapNode leaf) {
        List<String> path = new ArrayList<>();
        ((ListNode) leaf.get("path").orElseThrow()).elements().forEach(s -> path.add(((Scalar) s).text()));
        return path;
    }

    /** The real age key source with the identities of the vector's key files ({@code a|b} for several). */
    static KeyRing realAge(String keyFiles) {
        List<AgeIdentity> identities = new ArrayList<>();
        for (String keyFile : keyFiles.split("\\|")) {
            new String(read(Vectors.root().resolve(keyFile)), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.startsWith("AGE-SECRET-KEY-"))
                    .forEach(l -> identities.add(AgeIdentity.parse(l.strip())));
        }
        return new KeyRing(List.of(AgeKeys.source(identities)));
    }

    /** The real PGP key source with the vector's armored secret keys. */
    static KeyRing realPgp(String keyFile) {
        PgpKeyring keyring = PgpKeyring.read(List.of(Vectors.root().resolve(keyFile)));
        return new KeyRing(List.of(PgpKeys.source(keyring, Clock.systemUTC())));
    }

    /** Hands out a known data key: for the exact-output checks, which are about stores, not keys. */
    static KeyRing oracle(byte[] dataKey) {
        return new KeyRing(List.of(new Oracle("age", dataKey), new Oracle("pgp", dataKey)));
    }

    /** Hands out the known data key for any entry of its type. */
    private static final class Oracle implements KeySource {
        private final String type;
        private final byte[] key;

        Oracle(String type, byte[] key) {
            this.type = type;
            this.key = key.clone();
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public KeyEntry wrap(byte[] dataKey, String recipient) {
            throw new UnsupportedOperationException("the oracle only unwraps");
        }

        @Override
        public Optional<byte[]> unwrap(KeyEntry entry) {
            return Optional.of(key.clone());
        }
    }

    static MapNode readExpected(Path file) {
        String json = new String(read(file), StandardCharsets.UTF_8)
                .replace(": Infinity", ": \"+Inf\"")
                .replace(": -Infinity", ": \"-Inf\"")
                .replace(": NaN", ": \"NaN\"");
        return JsonReader.parseObject(json);
    }

    static String text(MapNode map, String key) {
        return ((Scalar) map.get(key).orElseThrow()).text();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
