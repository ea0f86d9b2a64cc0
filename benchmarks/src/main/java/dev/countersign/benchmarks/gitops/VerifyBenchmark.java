package dev.countersign.benchmarks.gitops;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code verify} of a whole main line of 1,000 or 10,000 records ({@link HistoryFixture}) in a 256 MB heap,
 * beside the floor of reading the same history: {@code git log --first-parent} printing every commit's id and
 * message. Divide a result by the records + 1 (the root) for the cost per commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class VerifyBenchmark {
    /** How many records the main line holds. */
    @Param({"1000", "10000"})
    public int records;

    private Path directory;
    private GitOpsRepository repository;

    /** Builds (once, then cached under {@code target/}) and opens the repository. */
    @Setup
    public void setUp() {
        directory = HistoryFixture.repository(records);
        repository = GitOpsRepository.open(directory);
    }

    /** Closes the repository. */
    @TearDown
    public void tearDown() {
        repository.close();
    }

    /**
     * Verifies the whole main line, from the root.
     *
     * @return the verification, for the blackhole
     * @throws IllegalStateException if the history has findings: the fixture is clean
     */
    @Benchmark
    public Verification verify() {
        Verification verification = repository.verify(null);
        if (!verification.isClean() || verification.commitsChecked() <= records) {
            throw new IllegalStateException("unexpected verification: " + verification);
        }
        return verification;
    }

    /**
     * Reads the same history with {@code git log --first-parent --format=%H%n%B main}.
     *
     * @return the bytes printed
     */
    @Benchmark
    public long gitLog() {
        try {
            Process process = new ProcessBuilder(List.of(
                            "git",
                            "--git-dir=" + directory,
                            "log",
                            "--first-parent",
                            "--format=%H%n%B",
                            "refs/heads/main"))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            long bytes;
            try (InputStream out = process.getInputStream()) {
                bytes = out.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("git log failed");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
