package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.GitDaemon;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four hosts, each a library instance with its own clone, race 120 proposals (200 with
 * {@code -Dcountersign.multihost.perHost=50}) through one real {@code git daemon}: every approved proposal ends recorded exactly once or conflicted with a reason.
 * {@code -Dcountersign.multihost.hosts=N} sets the number of hosts; the {@code soak} profile of this module runs 8
 * hosts of 500 proposals each (docs/performance.md). Whatever the size, the whole history then verifies without a
 * finding and {@code git fsck --full --strict} of the server repository finds nothing.
 */
class MultiHostIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final int HOSTS = Integer.getInteger("countersign.multihost.hosts", 4);
    private static final int PER_HOST = Integer.getInteger("countersign.multihost.perHost", 30);

    @TempDir
    Path temp;

    @Test
    void racesTwoHundredProposalsWithoutLosingOrDoublingOne() throws Exception {
        Path served = temp.resolve("served");
        java.nio.file.Files.createDirectories(served);
        String repository = GitDaemon.createRepository(served, "gitops.git");
        try (GitDaemon daemon = GitDaemon.serve(served)) {
            String url = daemon.url(repository);
            try (GitOpsRepository first = host(url, 0)) {
                first.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            }
            long started = System.nanoTime();
            Map<String, ProposalState> outcomes = race(url);
            double seconds = (System.nanoTime() - started) / 1e9;

            try (GitOpsRepository fresh = host(url, 99)) {
                long recorded = assertEveryProposalRecordedOnceOrConflicted(fresh, outcomes);
                assertThat(fresh.verify(null).findings()).isEmpty();
                System.out.printf(
                        "multi-host race: %d hosts, %d proposals, %d recorded, %d conflicted in %.1f s:"
                                + " %.1f records/s, %.1f proposals/s%n",
                        HOSTS,
                        outcomes.size(),
                        recorded,
                        outcomes.size() - recorded,
                        seconds,
                        recorded / seconds,
                        outcomes.size() / seconds);
            }
        }
        Path server = served.resolve(repository);
        assertThat(git(server, "rev-list", "--min-parents=2", "main")).isEmpty();
        assertThat(git(server, "fsck", "--full", "--strict")).doesNotContain("error", "missing");
    }

    private GitOpsRepository host(String url, int index) {
        return GitOpsRepositoryBuilder.of(temp.resolve("host-" + index))
                .clock(CLOCK)
                .random(new SecureRandom())
                .remote(url)
                .open();
    }

    private Map<String, ProposalState> race(String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(HOSTS);
        try {
            List<Future<Map<String, ProposalState>>> hosts = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) {
                int index = h;
                hosts.add(pool.submit(() -> runHost(url, index)));
            }
            Map<String, ProposalState> outcomes = new HashMap<>();
            for (Future<Map<String, ProposalState>> host : hosts) {
                outcomes.putAll(host.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, ProposalState> runHost(String url, int index) {
        Map<String, ProposalState> outcomes = new HashMap<>();
        try (GitOpsRepository repo = host(url, index)) {
            for (int i = 0; i < PER_HOST; i++) {
                int n = index * PER_HOST + i;
                Proposal proposal = repo.proposer(AGENT).propose("staging", stack(n), "change " + n, List.of());
                Proposal outcome = repo.reviewer(ALICE).approve(proposal.id());
                outcomes.put(outcome.id(), outcome.state());
            }
        }
        return outcomes;
    }

    /** One in eight proposals touches one of three shared stacks; the rest each touch their own. */
    private static Stack stack(int n) {
        Stack web = Samples.web("1.0." + n);
        String name = n % 8 == 0 ? "shared-" + (n / 8) % 3 : "stack-" + n;
        return new Stack(name, web.variables(), web.components());
    }

    private static long assertEveryProposalRecordedOnceOrConflicted(
            GitOpsRepository fresh, Map<String, ProposalState> outcomes) {
        List<Proposal> proposals = fresh.proposals(null);
        assertThat(proposals).hasSize(HOSTS * PER_HOST);
        Map<String, Long> onMain = new HashMap<>();
        fresh.log().forEach(change -> {
            if (!change.proposal().isEmpty()) {
                onMain.merge(change.proposal(), 1L, Long::sum);
            }
        });
        assertThat(onMain.values()).allMatch(count -> count == 1);
        for (Proposal p : proposals) {
            assertThat(p.state())
                    .isEqualTo(outcomes.get(p.id()))
                    .isIn(ProposalState.RECORDED, ProposalState.CONFLICTED);
            if (p.state() == ProposalState.RECORDED) {
                assertThat(onMain).containsKey(p.id());
            } else {
                assertThat(onMain).doesNotContainKey(p.id());
                assertThat(p.decisions().get(p.decisions().size() - 1).explanation())
                        .contains("main moved");
            }
        }
        long recorded = proposals.stream()
                .filter(p -> p.state() == ProposalState.RECORDED)
                .count();
        assertThat(onMain).hasSize((int) recorded);
        assertThat(fresh.log()).hasSize((int) recorded + 1);
        Map<String, String> recordedAs = new HashMap<>();
        proposals.forEach(p -> recordedAs.put(p.id(), String.valueOf(p.recordedCommit())));
        fresh.log().stream()
                .filter(change -> !change.proposal().isEmpty())
                .forEach(change -> assertThat(recordedAs).containsEntry(change.proposal(), change.commit()));
        return recorded;
    }

    private static String git(Path gitDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as("git %s: %s", String.join(" ", args), out)
                .isZero();
        return out;
    }
}
