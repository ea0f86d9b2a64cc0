package dev.countersign.gitops.internal;

import static dev.countersign.gitops.internal.Fixture.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.policy.Action;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy file's authority shows the policy each approval with the content hash it recorded, so the policy's
 * own {@code approval-hash} rule judges it: an approval given for other content does not count, even when
 * whatever filtered the approvals before let it through.
 */
class PolicyAuthorityTest {
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");
    private static final String OTHER_HASH = "sha256:" + "0".repeat(64);
    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: web}
            spec:
              components:
                - name: config
                  manifests:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: web, namespace: web}, data: {replicas: "2"}}
            """;

    @TempDir
    Path directory;

    private Fixture fixture;
    private Proposal proposal;
    private Authority authority;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void proposed() {
        fixture = Fixture.initializedWithPolicy(directory, ForgedRecordsTest.REAL_POLICY);
        proposal = fixture.lifecycle.drafting().propose(draft("agent:builder", "web", STACK));
        authority = PolicyAuthority.source()
                .at(fixture.git, fixture.git.resolve(Refs.MAIN).orElseThrow());
    }

    private Ruling recordApprovedBy(Countersignature approval) {
        return authority.decide(new Ask(
                Action.RECORD, CAROL, proposal, CountedApprovals.of(List.of(approval)), Fixture.CLOCK.instant()));
    }

    private Countersignature approvalFor(String contentHash) {
        return new Countersignature(
                ALICE, proposal.id(), contentHash, proposal.baseCommit(), Fixture.CLOCK.instant(), null);
    }

    @Test
    void anApprovalRecordedForOtherContentReachesThePolicyWithItsOwnHashAndDoesNotCount() {
        proposed();

        Ruling ruling = recordApprovedBy(approvalFor(OTHER_HASH));

        assertThat(ruling)
                .isEqualTo(new Ruling(
                        Verdict.HOLD,
                        "approvals",
                        "0 of 1 required approvals from [approver]; approval by human:alice does not count: it was"
                                + " given for " + OTHER_HASH + ", not for this content " + proposal.contentHash()));
    }

    @Test
    void anApprovalRecordedForThisContentCounts() {
        proposed();

        Ruling ruling = recordApprovedBy(approvalFor(proposal.contentHash()));

        assertThat(ruling.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(ruling.explanation()).isEqualTo("1 of 1 required approvals from [approver]: human:alice");
    }

    @Test
    void answersWithTheSettingsOfThePolicyInForce() {
        String key = "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(sshEd25519Blob()) + " alice@laptop";
        String text = ForgedRecordsTest.REAL_POLICY.replace(
                        "staging: {approvals: {required: 1, from: [approver]}}",
                        "staging: {approvals: {required: 1, from: [approver], signed: true}}\n"
                                + "    production: {approvals: {required: 1, from: [approver]}}")
                + "  approverKeys:\n    \"human:alice\": [\"" + key + "\"]\n";
        dev.countersign.policy.Policy policy = dev.countersign.policy.Policy.parse(text);
        fixture = Fixture.initializedWithPolicy(directory, text);

        Authority read = PolicyAuthority.source()
                .at(fixture.git, fixture.git.resolve(Refs.MAIN).orElseThrow());

        assertThat(read.policyHash()).isEqualTo(policy.hash()).startsWith("sha256:");
        assertThat(read.signedApprovals("staging")).isTrue();
        assertThat(read.signedApprovals("production")).isFalse();
        assertThat(read.approverKeys(ALICE))
                .isEqualTo(policy.approverKeys(ALICE))
                .hasSize(1);
        assertThat(read.approverKeys(CAROL)).isEmpty();
    }

    /** An ssh-ed25519 public key blob with random key bytes (the policy checks the shape, not the curve point). */
    private static byte[] sshEd25519Blob() {
        byte[] type = "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] point = new byte[32];
        new java.security.SecureRandom().nextBytes(point);
        return java.nio.ByteBuffer.allocate(4 + type.length + 4 + point.length)
                .putInt(type.length)
                .put(type)
                .putInt(point.length)
                .put(point)
                .array();
    }
}
