package dev.countersign.benchmarks.stack;

import dev.countersign.stack.ContentHash;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rendering a 1,000-component stack for three environments, and hashing a 10 MB stack, each beside
 * the floor of a plain Jackson read and write of the same document (no validation, no model).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StackBenchmark {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Stack thousand;
    private String thousandYaml;
    private List<Environment> environments;
    private Stack large;
    private String largeJson;

    /** Creates the fixtures: 1,000 small components, and about 10 MB of JSON in 2,000 components. */
    @Setup
    public void setUp() {
        thousand = StackFixtures.stack(1_000, 4);
        thousandYaml = StackFiles.toYaml(List.of(thousand.toTree()));
        environments = StackFixtures.environments();
        large = StackFixtures.stack(2_000, 80);
        largeJson = StackFiles.toJson(large.toTree());
    }

    /**
     * Renders the parsed 1,000-component stack for each of three environments.
     *
     * @param blackhole sink
     */
    @Benchmark
    public void renderThreeEnvironments(Blackhole blackhole) {
        for (Environment environment : environments) {
            blackhole.consume(thousand.render(environment));
        }
    }

    /**
     * Parses the 1,000-component stack's YAML, renders it for three environments and writes each
     * rendering as YAML: the whole command-line path.
     *
     * @param blackhole sink
     */
    @Benchmark
    public void parseRenderWriteThreeEnvironments(Blackhole blackhole) {
        Stack stack = StackFiles.parseStack(thousandYaml, "bench.yaml");
        for (Environment environment : environments) {
            blackhole.consume(StackFiles.toYaml(
                    List.of(stack.render(environment).redacted().toTree())));
        }
    }

    /**
     * The floor: Jackson reads the same YAML into a tree and writes it back, three times.
     *
     * @param blackhole sink
     */
    @Benchmark
    public void floorJacksonYamlReadWriteThreeTimes(Blackhole blackhole) {
        for (int i = 0; i < 3; i++) {
            JsonNode tree = YAML.readTree(thousandYaml);
            blackhole.consume(YAML.writeValueAsString(tree));
        }
    }

    /**
     * Hashes the parsed 10 MB stack (canonical JSON and SHA-256).
     *
     * @return the hash
     */
    @Benchmark
    public ContentHash hashTenMegabytes() {
        return large.contentHash();
    }

    /**
     * Parses the 10 MB stack's JSON (with validation) and hashes it.
     *
     * @return the hash
     */
    @Benchmark
    public ContentHash parseAndHashTenMegabytes() {
        return StackFiles.parseStack(largeJson, "bench.json").contentHash();
    }

    /**
     * The floor: Jackson reads the same 10 MB JSON into a tree, writes it back and hashes the bytes.
     *
     * @return the digest
     */
    @Benchmark
    public byte[] floorJacksonJsonReadWriteSha256() {
        JsonNode tree = JSON.readTree(largeJson);
        return sha256().digest(JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the size of the large document, for the report.
     *
     * @return its length in characters
     */
    public int largeDocumentChars() {
        return largeJson.length();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
