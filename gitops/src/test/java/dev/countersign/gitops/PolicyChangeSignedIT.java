package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.keys.ApprovalProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An approver key added by a policy change, where every approval must be signed: the change itself is approved
 * with signatures by keys the policy in force registers, and the new key counts for approvals only once the
 * change is recorded. Keys made by the real {@code ssh-keygen}; signatures made in process.
 */
class PolicyChangeSignedIT {
    @TempDir
    static Path keys;

    static Path carol;
    static Path erin;
    static Path frank;
    static String policy;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateKeys() throws Exception {
        carol = SshTool.keygen(keys, "carol", "ed25519", "");
        erin = SshTool.keygen(keys, "erin", "ed25519", "");
        frank = SshTool.keygen(keys, "frank", "ed25519", "");
        Path alice = SshTool.keygen(keys, "alice", "ed25519", "");
        policy = PolicyChangeTest.POLICY
                        .replace(
                                "{required: 1, from: [approver, admin]}",
                                "{required: 1, from: [approver, admin], signed: true}")
                        .replace(
                                "{required: 2, from: [approver, admin]}",
                                "{required: 2, from: [approver, admin], signed: true}")
                        .replace(
                                "\n  environments:\n",
                                "\n    - {principal: \"human:frank\", roles: [approver], environments: [\"*\"]}\n"
                                        + "  environments:\n")
                + "  approverKeys:\n"
                + "    \"human:alice\": [\"" + pub(alice) + "\"]\n"
                + "    \"human:carol\": [\"" + pub(carol) + "\"]\n"
                + "    \"human:erin\": [\"" + pub(erin) + "\"]\n";
    }

    private static String pub(Path key) throws IOException {
        return Files.readString(Path.of(key + ".pub")).strip();
    }

    private static ApprovalProof signedBy(Path key) {
        return ApprovalProof.signedWithSshKey(key, new char[0]);
    }

    @Test
    void theApproverKeyAProposalAddsCountsOnceRecordedAndNotBefore() throws IOException {
        try (GitOpsRepository repo = GitOpsRepository.open(directory)) {
            repo.initialize(PolicyChangeTest.ALICE, policy, Samples.ENVIRONMENTS);
            Proposal stack =
                    repo.proposer(PolicyChangeTest.AGENT).propose("staging", Samples.web("1.0.0"), "web", List.of());
            assertThatThrownBy(() -> repo.reviewer(Principal.human("frank")).approve(stack.id(), signedBy(frank)))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("signed-approvals"));

            Proposal keyed = repo.proposer(PolicyChangeTest.ALICE)
                    .proposePolicy(
                            Policy.parse(policy + "    \"human:frank\": [\"" + pub(frank) + "\"]\n"),
                            "frank signs",
                            List.of());
            assertThatThrownBy(() -> repo.reviewer(PolicyChangeTest.CAROL).approve(keyed.id()))
                    .isInstanceOf(ActionDeniedException.class);
            repo.reviewer(PolicyChangeTest.CAROL).approve(keyed.id(), signedBy(carol));
            Proposal recorded = repo.reviewer(PolicyChangeTest.ERIN).approve(keyed.id(), signedBy(erin));
            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);

            Proposal approved = repo.reviewer(Principal.human("frank")).approve(stack.id(), signedBy(frank));
            assertThat(approved.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.verify().findings()).isEmpty();
        }
    }
}
