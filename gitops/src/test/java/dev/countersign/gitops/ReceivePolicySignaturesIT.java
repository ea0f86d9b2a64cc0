package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.internal.Authority;
import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.gitops.internal.PolicyAuthority;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.ApprovalProof;
import dev.countersign.stack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-receive check where the policy itself requires signed approvals ({@code approvals.signed: true}
 * with {@code spec.approverKeys}), run without any approver-keys option: an agent with push access forges a
 * complete, self-consistent record approved by a human who never signed, and the push is refused with
 * nothing landed; an honest record signed with the approver's registered ssh key is accepted.
 */
class ReceivePolicySignaturesIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String MAIN = "refs/heads/main";
    private static final String SIGNATURE = "Countersign-Approval-Signature";

    @TempDir
    static Path keys;

    static Path aliceKey;
    static String policy;

    @TempDir
    Path temp;

    private PushServer server;

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

    @BeforeEach
    void createServer() {
        server = PushServer.initialized(temp.resolve("server.git"), policy, builder -> builder);
    }

    private static Proposal propose(Path client) {
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            Stack web = Samples.web("1.0.0");
            return repo.proposer(AGENT)
                    .propose("staging", new Stack("web", web.variables(), web.components()), "add web", List.of());
        }
    }

    /**
     * The agent's own build of the tool: the policy as read from the repository, except that it never asks
     * for approval signatures. Through it the ordinary lifecycle writes the approval and the record, so every
     * trailer and the proposal record are exactly what an honest tool writes, only without a signature.
     */
    static Authority.Source withoutSignatures() {
        Authority.Source real = PolicyAuthority.source();
        return (git, commit) -> {
            Authority policy = real.at(git, commit);
            return new Authority() {
                @Override
                public String policyHash() {
                    return policy.policyHash();
                }

                @Override
                public Ruling decide(Ask ask) {
                    return policy.decide(ask);
                }
            };
        };
    }

    @Test
    void refusesARecordWithAnInventedUnsignedApprovalAndLandsNothing() throws Exception {
        Path client = server.sync(temp.resolve("agent.git"));
        Proposal proposed = propose(client);
        String forged;
        try (GitStore git = GitStore.open(client)) {
            Lifecycle patched = Lifecycle.of(git, withoutSignatures(), Clock.systemUTC(), () -> "unused");
            forged = Objects.requireNonNull(
                    patched.deciding().approve(proposed.id(), ALICE).recordedCommit());
        }
        String message = PushServer.message(client, forged);
        assertThat(message).contains("Countersign-Approved-By: human:alice").doesNotContain(SIGNATURE);
        assertThat(PushServer.refs(client).get(MAIN)).isEqualTo(forged);
        SortedMap<String, String> before = server.refs();

        List<Refusal> refused = server.push(client);

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo(MAIN);
            assertThat(r.rule()).isEqualTo("signed-approvals");
            assertThat(r.message()).contains("human:alice");
        });
        assertThat(server.refs()).isEqualTo(before);
    }

    @Test
    void acceptsAnHonestRecordSignedWithTheRegisteredKey() throws Exception {
        Path client = server.sync(temp.resolve("alice.git"));
        Proposal proposed = propose(client);
        String recorded;
        try (GitOpsRepository repo = GitOpsRepository.open(client)) {
            recorded = Objects.requireNonNull(repo.reviewer(ALICE)
                    .approve(proposed.id(), ApprovalProof.signedWithSshKey(aliceKey, new char[0]))
                    .recordedCommit());
        }
        assertThat(PushServer.message(client, recorded)).contains(SIGNATURE + ": human:alice ");

        assertThat(server.push(client)).isEmpty();
        assertThat(server.refs().get(MAIN)).isEqualTo(recorded);
    }
}
