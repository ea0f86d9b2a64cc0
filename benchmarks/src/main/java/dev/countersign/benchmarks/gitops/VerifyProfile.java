package dev.countersign.benchmarks.gitops;

import dev.countersign.gitops.GitOpsRepository;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small harness for {@code verify} on a loaded machine, where JMH's wall-clock figures drown in noise: opens the
 * {@link HistoryFixture} repository of N records, verifies the whole main line and closes it, several rounds in
 * one JVM, printing the thread's CPU time and allocated bytes per commit of each round.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.countersign.benchmarks.gitops.VerifyProfile 200 6
 * </pre>
 */
public final class VerifyProfile {
    private VerifyProfile() {}

    /**
     * Runs the rounds.
     *
     * @param args the number of records, then the number of rounds
     */
    public static void main(String[] args) {
        int records = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path repository = HistoryFixture.repository(records);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long allocated = threads.getThreadAllocatedBytes(thread);
            int findings;
            try (GitOpsRepository repo = GitOpsRepository.open(repository)) {
                findings = repo.verify().findings().size();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            allocated = threads.getThreadAllocatedBytes(thread) - allocated;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: findings %d, cpu/commit %.2f ms, alloc/commit %.2f MB%n",
                    round,
                    findings,
                    cpu / 1e6 / records,
                    allocated / 1e6 / records);
        }
    }
}
