package dev.countersign.gitops;

import static dev.countersign.gitops.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's invariant over random action sequences of honest hosts and an agent with push access: every
 * push goes through {@link ReceiveCheck}; honest records land, every forged push (a plain commit, trailers
 * copied onto other content, a replayed record, a force-push, deleting main, rewriting a proposal record) is
 * refused with the server's refs unchanged, and main on the server only ever holds commits that verify.
 */
class ReceivePropertiesTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final String MAIN = "refs/heads/main";
    private static final int ACTIONS = 8;

    @TempDir
    Path root;

    @Test
    void mainOnTheServerOnlyEverHoldsCommitsThatVerify() {
        qt().withExamples(8)
                .withShrinkCycles(5)
                .forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 5))
                .checkAssert(this::run);
    }

    private void run(List<Integer> steps) {
        try {
            Path folder = Files.createTempDirectory(root, "example");
            PushServer server = PushServer.initialized(folder.resolve("server.git"));
            Path client = folder.resolve("client.git");
            for (int i = 0; i < steps.size(); i++) {
                server.sync(client);
                SortedMap<String, String> before = server.refs();
                boolean honest = act(client, steps.get(i) % ACTIONS, i);
                List<Refusal> refused = server.push(client);
                if (honest) {
                    assertThat(refused).isEmpty();
                } else {
                    assertThat(refused).isNotEmpty();
                    assertThat(server.refs()).isEqualTo(before);
                }
                try (GitOpsRepository repo = GitOpsRepository.open(server.server)) {
                    assertThat(repo.verify(null).findings()).isEmpty();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes one action on the client; returns whether it is honest (and must land). */
    private static boolean act(Path client, int action, int step) throws Exception {
        String head = PushServer.refs(client).get(MAIN);
        String last = lastRecord(client, head);
        switch (action) {
            case 0 -> record(client, "s" + step % 3, "1." + step + ".0");
            case 1 ->
                PushServer.commit(
                        client, MAIN, head, Map.of("environments/staging/s0/stack.yaml", "x"), "fix", "agent:builder");
            case 2 ->
                PushServer.commit(
                        client, MAIN, head, Map.of("environments/staging/s0/stack.yaml", "y"), last, "agent:builder");
            case 3 -> PushServer.commit(client, MAIN, head, Map.of(), last, "agent:builder");
            case 4 -> PushServer.move(client, MAIN, root(client, head));
            case 5 -> PushServer.delete(client, MAIN);
            case 6 -> rewriteARecord(client, head);
            default ->
                PushServer.commit(client, "refs/heads/drafts/p-junk" + step, head, Map.of("x", "y"), "junk", "agent:x");
        }
        return action == 0
                || action == 7
                || (action == 4 && root(client, head).equals(head))
                || (action == 6
                        && PushServer.refs(client).keySet().stream().noneMatch(r -> r.startsWith("refs/countersign/")));
    }

    private static void record(Path client, String stack, String version) {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Stack web = Samples.web(version);
            Proposal p = repo.proposer(AGENT)
                    .propose(
                            "staging",
                            new Stack(stack, web.variables(), web.components()),
                            "change " + stack,
                            List.of());
            assertThat(repo.reviewer(PushServer.ALICE).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
        }
    }

    private static String lastRecord(Path client, String head) throws Exception {
        String message = PushServer.message(client, head);
        return message.contains("Countersign-Proposal:") ? message : "record\n\nCountersign-Proposal: p-000000000000\n";
    }

    private static String root(Path client, String head) throws Exception {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            List<RecordedChange> log = repo.log();
            return log.isEmpty() ? head : log.get(log.size() - 1).commit();
        }
    }

    private static void rewriteARecord(Path client, String head) throws Exception {
        for (String ref : PushServer.refs(client).keySet()) {
            if (ref.startsWith("refs/countersign/")) {
                PushServer.commit(client, ref, head, Map.of("proposal.json", "{}"), "rewritten", "agent:builder");
                return;
            }
        }
    }
}
