package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.signatures.approvals.ApproverKeyring;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The approval-signature check of one record commit, from the side of someone who writes its trailers
 * (issue 24): a signature by someone the commit does not name as approver, and a repeated signature trailer,
 * are findings of their own; nothing else is reported.
 */
class ApprovalCheckTest {
    private static final String SIGNATURE = "iQEzBAABCAAdFiEE";

    private static List<String> findings(String trailers) {
        String message = "web: scale up\n\n" + Trailers.PROPOSAL + ": p-1\n" + trailers;
        CommitInfo commit = new CommitInfo(
                new CommitId("c".repeat(40)),
                List.of(new CommitId("b".repeat(40))),
                "agent:builder",
                "countersign",
                Instant.parse("2026-11-24T10:00:00Z"),
                message,
                Trailers.parse(message));
        return new ApprovalCheck(ApproverKeyring.of(Map.of()), commit)
                .run().stream().map(f -> f.rule() + ": " + f.message()).toList();
    }

    @Test
    void aSignatureBySomeoneTheCommitDoesNotNameAsApproverIsFlagged() {
        List<String> found = findings(Trailers.APPROVED_BY + ": human:alice\n" + Trailers.APPROVAL_SIGNATURE
                + ": human:mallory " + SIGNATURE + "\n");

        assertThat(found)
                .containsExactly(
                        "unsigned-approval: the approval of human:alice carries no signature by their key",
                        "bad-approval-signature: signature of human:mallory, who is not a named approver");
    }

    @Test
    void aRepeatedSignatureTrailerIsFlaggedAndCountsAsNoSignature() {
        String signature = Trailers.APPROVAL_SIGNATURE + ": human:alice " + SIGNATURE + "\n";
        List<String> found = findings(Trailers.APPROVED_BY + ": human:alice\n" + signature + signature);

        assertThat(found)
                .containsExactly(
                        "bad-approval-signature: malformed or repeated " + Trailers.APPROVAL_SIGNATURE + " trailer",
                        "unsigned-approval: the approval of human:alice carries no signature by their key");
    }

    @Test
    void aNamedApproverWithAnUnreadableSignatureOrNoKeyIsFlagged() {
        assertThat(findings(Trailers.APPROVED_BY + ": human:alice\n" + Trailers.APPROVAL_SIGNATURE
                        + ": human:alice not-base64!\n"))
                .containsExactly(
                        "bad-approval-signature: the approval signature of human:alice is not an OpenPGP signature");
    }

    @Test
    void aCommitThatIsNoRecordIsNotChecked() {
        String message = "plain commit\n\n" + Trailers.APPROVAL_SIGNATURE + ": human:mallory " + SIGNATURE + "\n";
        CommitInfo commit = new CommitInfo(
                new CommitId("c".repeat(40)),
                List.of(new CommitId("b".repeat(40))),
                "human:mallory",
                "human:mallory",
                Instant.parse("2026-11-24T10:00:00Z"),
                message,
                Trailers.parse(message));

        assertThat(new ApprovalCheck(ApproverKeyring.of(Map.of()), commit).run())
                .extracting(Finding::rule)
                .isEmpty();
    }
}
