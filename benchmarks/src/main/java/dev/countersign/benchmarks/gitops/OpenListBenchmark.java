package dev.countersign.benchmarks.gitops;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
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
 * Opening a repository and listing its open proposals when it holds 10 or 10,000 terminal (recorded) proposals
 * ({@link HistoryFixture}): the goal is the same cost at both, as both hold the same open proposals (none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class OpenListBenchmark {
    /** How many recorded proposals the repository holds. */
    @Param({"10", "10000"})
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
     * Opens the repository (which repairs what a crashed writer left) and closes it.
     *
     * @return whether it is initialized, for the blackhole
     */
    @Benchmark
    public boolean open() {
        try (GitOpsRepository opened = GitOpsRepository.open(directory)) {
            return opened.isInitialized();
        }
    }

    /**
     * Lists the proposals waiting for approval.
     *
     * @return the proposals, for the blackhole
     */
    @Benchmark
    public List<Proposal> listOpen() {
        return repository.proposals(ProposalState.PROPOSED);
    }
}
