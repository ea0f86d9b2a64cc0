package dev.countersign.benchmarks.gitops;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of recording one approved one-file change into a repository of 1,000, 10,000 or 100,000 files:
 * the library's record path (tree from the base tree and the changed path, commit, compare-and-swap of
 * {@code main}) beside the same change recorded by {@code git} plumbing commands in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecordBenchmark {
    /** How many files the repository holds. */
    @Param({"1000", "10000", "100000"})
    public int files;

    private RecordFixture fixture;
    private int next;

    /** Creates the repository, packed, with {@link #files} files. */
    @Setup
    public void setUp() {
        fixture = RecordFixture.create(files);
    }

    /** Deletes the repository. */
    @TearDown
    public void tearDown() {
        fixture.close();
    }

    private byte[] nextContent() {
        next++;
        return ("replicas: " + next + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Records one changed file through the library's record path.
     *
     * @return the new tree, for the blackhole
     */
    @Benchmark
    public Object library() {
        return fixture.recordWithLibrary(nextContent());
    }

    /**
     * Records the same change with {@code git} hash-object, read-tree, update-index, write-tree,
     * commit-tree and update-ref.
     *
     * @return the new tree, for the blackhole
     */
    @Benchmark
    public Object gitCli() {
        return fixture.recordWithGit(nextContent());
    }
}
