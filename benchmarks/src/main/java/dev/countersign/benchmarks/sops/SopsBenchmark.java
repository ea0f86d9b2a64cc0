package dev.countersign.benchmarks.sops;

import dev.countersign.sops.FileFormat;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decrypt (with MAC verification) and encrypt of a 50,000-leaf Helm-values YAML with Countersign,
 * each beside the floor: a snakeyaml-engine parse plus raw AES-256-GCM over the same values.
 *
 * <p>Every operation allocates 300–600 MB, so the fork runs with a fixed, pre-touched 4 GB heap: with the
 * default heap, resizing and full collections made one-second iterations vary by 4× on an idle machine.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SopsBenchmark {
    /** The seed of the generated file and key. */
    public static final long SEED = 20_261_124L;

    private SopsFixture fixture;
    private AesGcmFloor floor;

    /** Generates the 50,000-leaf file and encrypts it once. */
    @Setup
    public void setUp() {
        fixture = SopsFixture.create(HelmValues.BENCHMARK_LEAVES, SEED);
        floor = new AesGcmFloor(fixture.dataKey(), new SecureRandom());
    }

    /**
     * Countersign: unwraps the age data key, decrypts every value, verifies the MAC, writes YAML.
     *
     * @return the plaintext YAML
     */
    @Benchmark
    public byte[] decryptAndVerify() {
        return fixture.sops().decrypt(fixture.encrypted(), FileFormat.YAML);
    }

    /**
     * Countersign: generates and wraps a data key, encrypts every value, computes the MAC, writes YAML.
     *
     * @return the encrypted YAML
     */
    @Benchmark
    public byte[] encrypt() {
        return fixture.sops().encrypt(fixture.plaintext(), FileFormat.YAML, fixture.options());
    }

    /**
     * The decrypt floor: parse the encrypted file, AES-GCM-open every value.
     *
     * @return the tree of plaintext strings
     */
    @Benchmark
    public Object floorDecrypt() {
        return floor.decrypt(fixture.encrypted());
    }

    /**
     * The encrypt floor: parse the plaintext file, AES-GCM-seal every value with a fresh IV.
     *
     * @return the tree of ENC strings
     */
    @Benchmark
    public Object floorEncrypt() {
        return floor.encrypt(fixture.plaintext());
    }
}
