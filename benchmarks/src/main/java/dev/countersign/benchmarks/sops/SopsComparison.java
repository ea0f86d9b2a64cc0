package dev.countersign.benchmarks.sops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One run of the whole comparison: the JMH benchmarks of {@link SopsBenchmark} (JMH options from
 * the arguments), then the npm peer {@code sops-age} decrypting the same encrypted file in one Node
 * process ({@code test-tools/bench-sops-age.mjs}, start-up excluded), whose ms/op is printed last.
 *
 * <p>System properties: {@code countersign.testTools} (default {@code test-tools}), {@code
 * countersign.peerOps} (timed decrypts, default 10) and {@code countersign.peerWarmup} (default 5).
 */
public final class SopsComparison {
    private SopsComparison() {}

    /**
     * Runs the JMH benchmarks, then the peer.
     *
     * @param args JMH command-line options; the include pattern defaults to this area's benchmarks
     * @throws RunnerException when JMH fails
     * @throws CommandLineOptionException when the JMH options are malformed
     * @throws IOException when the fixture cannot be written or Node cannot be started
     * @throws InterruptedException when interrupted while waiting for Node
     */
    public static void main(String[] args)
            throws RunnerException, CommandLineOptionException, IOException, InterruptedException {
        Options options = new CommandLineOptions(args);
        if (options.getIncludes().isEmpty()) {
            options = new OptionsBuilder()
                    .parent(options)
                    .include(SopsBenchmark.class.getName())
                    .build();
        }
        new Runner(options).run();
        System.out.println(runPeer());
    }

    private static String runPeer() throws IOException, InterruptedException {
        Path tools = Paths.get(System.getProperty("countersign.testTools", "test-tools"))
                .toAbsolutePath();
        SopsFixture fixture = SopsFixture.create(HelmValues.BENCHMARK_LEAVES, SopsBenchmark.SEED);
        Path dir = Files.createTempDirectory("sops-bench");
        Path file = dir.resolve("values.enc.yaml");
        Path keys = dir.resolve("keys.txt");
        Files.write(file, fixture.encrypted());
        Files.writeString(keys, fixture.identity().revealSecretKey() + "\n", StandardCharsets.UTF_8);
        try {
            Process node = new ProcessBuilder(List.of(
                            "node",
                            tools.resolve("bench-sops-age.mjs").toString(),
                            file.toString(),
                            keys.toString(),
                            System.getProperty("countersign.peerOps", "10"),
                            System.getProperty("countersign.peerWarmup", "5")))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0) {
                throw new IOException("the sops-age peer failed: " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(keys);
            Files.deleteIfExists(dir);
        }
    }
}
