package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.ApprovalProof;
import dev.countersign.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's invariant where the policy requires signed approvals, over random action sequences of an honest
 * approver (signing with her registered SSH key) and an agent with push access forging records: a complete
 * record with an invented, unsigned approval, a record's trailers (its signature included) replayed onto other
 * content or onto no change, a plain commit. Every forged push is refused with the server's refs unchanged, and
 * main on the server only ever holds commits that verify, each record carrying its approver's signature.
 */
class ReceiveSignedPropertiesIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String MAIN = "refs/heads/main";
    private static final int ACTIONS = 5;

    @TempDir
    static Path keys;

    static Path aliceKey;
    static String policy;

    @TempDir
    Path root;

    @BeforeAll
    static void generateKeys() throws Exception {
        aliceKey = SshTool.keygen(keys, "alice", "ed25519", "");
        policy = Samples.POLICY.replace(
                        "{approvals: {required: 1, from: [approver]}}",
                        "{approvals: {required: 1, from: [approver], signed: true}}")
                + "  approverKeys:\n"
                + "    \"human:alice\": [\""
                + Files.readString(Path.of(aliceKey + ".pub")).strip() + "\"]\n";
    }

    @Test
    void mainOnTheServerOnlyEverHoldsSignedRecordsThatVerify() {
        qt().withExamples(5)
                .withShrinkCycles(3)
                .forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 4))
                .checkAssert(this::run);
    }

    private void run(List<Integer> steps) {
        try {
            Path folder = Files.createTempDirectory(root, "example");
            PushServer server = PushServer.initialized(folder.resolve("server.git"), policy, b -> b);
            Path client = folder.resolve("client.git");
            for (int i = 0; i < steps.size(); i++) {
                server.sync(client);
                SortedMap<String, String> before = server.refs();
                int action = steps.get(i) % ACTIONS;
                act(client, action, i);
                List<Refusal> refused = server.push(client);
                if (action == 0) {
                    assertThat(refused).isEmpty();
                } else {
                    assertThat(refused).isNotEmpty();
                    assertThat(server.refs()).isEqualTo(before);
                }
                assertSignedAndVerified(server.server);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSignedAndVerified(Path server) {
        try (GitOpsRepository repo = GitOpsRepository.open(server)) {
            assertThat(repo.verify(null).findings()).isEmpty();
            for (RecordedChange change : repo.log()) {
                if (!change.approvers().isEmpty()) {
                    assertThat(PushServer.message(server, change.commit()))
                            .contains("Countersign-Approval-Signature: human:alice ");
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void act(Path client, int action, int step) throws Exception {
        String head = PushServer.refs(client).get(MAIN);
        String last = PushServer.message(client, head);
        String stack = "s" + step % 3;
        switch (action) {
            case 0 -> signedRecord(client, stack, "1." + step + ".0");
            case 1 -> unsignedRecord(client, stack, "2." + step + ".0");
            case 2 ->
                PushServer.commit(client, MAIN, head, Map.of("environments/staging/s0/stack.yaml", "y"), last, "agent");
            case 3 -> PushServer.commit(client, MAIN, head, Map.of(), recordOr(last), "agent:builder");
            default ->
                PushServer.commit(
                        client, MAIN, head, Map.of("environments/staging/s0/stack.yaml", "x"), "fix", "agent:builder");
        }
    }

    private static String recordOr(String message) {
        return message.contains("Countersign-Proposal:") ? message : "record\n\nCountersign-Proposal: p-000000000000\n";
    }

    private static Proposal propose(Path client, String stack, String version) {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Stack web = Samples.web(version);
            return repo.proposer(AGENT)
                    .propose(
                            "staging",
                            new Stack(stack, web.variables(), web.components()),
                            "change " + stack,
                            List.of());
        }
    }

    private static void signedRecord(Path client, String stack, String version) {
        Proposal p = propose(client, stack, version);
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Proposal approved =
                    repo.reviewer(ALICE).approve(p.id(), ApprovalProof.signedWithSshKey(aliceKey, new char[0]));
            assertThat(approved.state()).isEqualTo(ProposalState.RECORDED);
        }
    }

    /** The agent's own build of the tool, which never asks for a signature, writes a complete record. */
    private static void unsignedRecord(Path client, String stack, String version) {
        Proposal p = propose(client, stack, version);
        try (GitStore git = GitStore.open(client)) {
            Lifecycle patched =
                    Lifecycle.of(git, ReceivePolicySignaturesIT.withoutSignatures(), Clock.systemUTC(), () -> "unused");
            assertThat(patched.deciding().approve(p.id(), ALICE).recordedCommit())
                    .isNotNull();
        }
    }
}
