package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a host with SIGKILL at random moments (after one to three outcomes, then up to 150 ms more) while it
 * proposes, approves and records, then checks with a
 * fresh instance that nothing approved was lost, nothing recorded twice, and Git is sound. 40 kills in the
 * default build (kept within the CI time budget); more with {@code -Dcountersign.crash.iterations=N}.
 */
class CrashIT {
    private static final int ITERATIONS = Integer.getInteger("countersign.crash.iterations", 40);
    private static final int MAX_DELAY_MILLIS = 150;

    @TempDir
    Path temp;

    private final Set<String> reportedRecorded = new HashSet<>();
    private int orphanDrafts;
    private int staleLocks;

    @Test
    void aKilledWriterLosesNoApprovalAndRecordsNothingTwice() throws Exception {
        Path repository = temp.resolve("repo");
        long seed = Long.getLong("countersign.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < ITERATIONS; i++) {
            List<String> lines = runAndKill(repository, random);
            lines.stream()
                    .filter(line -> line.startsWith("RECORDED "))
                    .forEach(line -> reportedRecorded.add(line.substring("RECORDED ".length())));
            countLeftovers(repository);
            assertSound(repository, "kill " + (i + 1) + " of seed " + seed);
        }
        System.out.printf(
                "crash test: %d kills (seed %d), %d records reported, %d interrupted proposals and %d stale ref"
                        + " locks found before recovery%n",
                ITERATIONS, seed, reportedRecorded.size(), orphanDrafts, staleLocks);
        assertThat(reportedRecorded).isNotEmpty();
    }

    private List<String> runAndKill(Path repository, Random random) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingHost.class.getName(),
                        repository.toString(),
                        Long.toString(random.nextLong()))
                .redirectErrorStream(true)
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Semaphore outcomes = new Semaphore(0);
        Thread reader = new Thread(() -> read(child, lines, outcomes));
        reader.start();
        boolean started = outcomes.tryAcquire(1 + random.nextInt(3), 120, TimeUnit.SECONDS);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(MAX_DELAY_MILLIS)));
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        assertThat(started).as("child output: %s", lines).isTrue();
        return lines;
    }

    /** Collects the child's lines, releasing one permit per outcome it reports. */
    private static void read(Process child, List<String> lines, Semaphore outcomes) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("RECORDED ") || line.startsWith("CONFLICTED ")) {
                    outcomes.release();
                }
            }
        } catch (IOException e) {
            lines.add("unreadable output: " + e);
        }
    }

    private void countLeftovers(Path repository) throws IOException {
        Path drafts = repository.resolve("refs/heads/drafts");
        Path proposals = repository.resolve("refs/countersign/proposals");
        if (Files.isDirectory(drafts)) {
            try (Stream<Path> files = Files.list(drafts)) {
                orphanDrafts += (int) files.filter(d -> !Files.exists(proposals.resolve(d.getFileName())))
                        .count();
            }
        }
        try (Stream<Path> files = Files.walk(repository.resolve("refs"))) {
            staleLocks +=
                    (int) files.filter(f -> f.toString().endsWith(".lock")).count();
        }
    }

    private void assertSound(Path repository, String when) throws Exception {
        try (GitOpsRepository fresh = GitOpsRepository.open(repository)) {
            Map<String, Proposal> proposals = new HashMap<>();
            fresh.proposals(null).forEach(p -> proposals.put(p.id(), p));
            Map<String, String> recordedOnMain = new HashMap<>();
            for (RecordedChange change : fresh.log()) {
                if (!change.proposal().isEmpty()) {
                    assertThat(recordedOnMain.put(change.proposal(), change.commit()))
                            .as("%s: %s recorded twice", when, change.proposal())
                            .isNull();
                    Proposal p = proposals.get(change.proposal());
                    assertThat(p)
                            .as("%s: metadata of %s", when, change.proposal())
                            .isNotNull();
                    assertThat(p.state()).as("%s: state of %s", when, p.id()).isEqualTo(ProposalState.RECORDED);
                    assertThat(p.recordedCommit()).isEqualTo(change.commit());
                }
            }
            proposals.values().stream()
                    .filter(p -> p.state() == ProposalState.RECORDED)
                    .forEach(p -> assertThat(recordedOnMain)
                            .as("%s: %s", when, p.id())
                            .containsKey(p.id()));
            assertThat(proposals.keySet())
                    .as("%s: every proposal the host saw recorded is still there", when)
                    .containsAll(reportedRecorded);
            reportedRecorded.forEach(id -> assertThat(recordedOnMain).containsKey(id));
            assertThat(fresh.verify(null).findings()).as(when).isEmpty();
        }
        assertThat(fsck(repository)).as(when).isEmpty();
    }

    private static List<String> fsck(Path repository) throws Exception {
        Process git = new ProcessBuilder("git", "--git-dir=" + repository, "fsck", "--strict", "--no-progress")
                .redirectErrorStream(true)
                .start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        if (git.waitFor() != 0) {
            problems.add("exit " + git.exitValue() + ": " + out);
        }
        out.lines().filter(line -> !line.startsWith("dangling ")).forEach(problems::add);
        return problems;
    }
}
