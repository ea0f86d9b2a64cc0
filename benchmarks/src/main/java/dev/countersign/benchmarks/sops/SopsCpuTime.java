package dev.countersign.benchmarks.sops;

import dev.countersign.sops.FileFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * CPU time per operation of the four SOPS benchmarks, interleaved round by round on the same file:
 * the calling thread's CPU time, which other processes on a shared machine inflate far less than they
 * inflate wall-clock time. It leaves out GC and JIT threads, so read it beside JMH's {@code -prof gc}
 * allocation figures, not instead of the JMH run.
 *
 * <p>Arguments: rounds to measure (default 15) and warm-up rounds (default 5). Prints the median and
 * the minimum per benchmark in milliseconds, and the decrypt and encrypt ratios to the floor.
 */
public final class SopsCpuTime {
    private static final double NANOS_PER_MILLI = 1e6;

    private SopsCpuTime() {}

    /**
     * Runs the measurement.
     *
     * @param args rounds and warm-up rounds
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SopsFixture fixture = SopsFixture.create(HelmValues.BENCHMARK_LEAVES, SopsBenchmark.SEED);
        AesGcmFloor floor = new AesGcmFloor(fixture.dataKey(), new SecureRandom());
        Timed decrypt = new Timed(
                "decryptAndVerify", rounds, () -> fixture.sops().decrypt(fixture.encrypted(), FileFormat.YAML));
        Timed floorDecrypt = new Timed("floorDecrypt", rounds, () -> floor.decrypt(fixture.encrypted()));
        Timed encrypt = new Timed(
                "encrypt",
                rounds,
                () -> fixture.sops().encrypt(fixture.plaintext(), FileFormat.YAML, fixture.options()));
        Timed floorEncrypt = new Timed("floorEncrypt", rounds, () -> floor.encrypt(fixture.plaintext()));
        List<Timed> all = List.of(decrypt, floorDecrypt, encrypt, floorEncrypt);
        measure(all, rounds, warmup);
        all.forEach(t -> System.out.printf(
                "%-18s cpu ms/op median %8.1f  min %8.1f%n", t.name(), median(t.nanos()), min(t.nanos())));
        ratio("decrypt", decrypt, floorDecrypt);
        ratio("encrypt", encrypt, floorEncrypt);
    }

    private static void ratio(String what, Timed ours, Timed floor) {
        System.out.printf(
                "%s / floor: median %.2fx  min %.2fx%n",
                what, median(ours.nanos()) / median(floor.nanos()), min(ours.nanos()) / min(floor.nanos()));
    }

    private static void measure(List<Timed> benchmarks, int rounds, int warmup) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int round = -warmup; round < rounds; round++) {
            for (Timed benchmark : benchmarks) {
                long start = threads.getCurrentThreadCpuTime();
                sink += System.identityHashCode(benchmark.run().get());
                long elapsed = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    benchmark.nanos()[round] = elapsed;
                }
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static final class Timed {
        private final String name;
        private final long[] nanos;
        private final Supplier<Object> run;

        Timed(String name, int rounds, Supplier<Object> run) {
            this.name = name;
            this.nanos = new long[rounds];
            this.run = run;
        }

        String name() {
            return name;
        }

        long[] nanos() {
            return nanos;
        }

        Supplier<Object> run() {
            return run;
        }
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / NANOS_PER_MILLI;
    }

    private static double min(long[] nanos) {
        return Arrays.stream(nanos).min().orElse(0) / NANOS_PER_MILLI;
    }
}
