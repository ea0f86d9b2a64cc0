package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.CommitSigner;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.approvals.ApprovalSigning;
import dev.countersign.signatures.approvals.ApproverKeyring;
import dev.countersign.signatures.keys.ApprovalProof;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed approvals under the real policy, with keys made in Java ({@link JavaKeys}): where {@code staging}
 * requires signatures, an approval counts only when signed by a key the policy registers for the approver;
 * where {@code dev} does not, a registered approver's signature is still checked. The record carries the
 * signature, and {@code verify} checks it: against the policy at the parent, against the keys a verifier is
 * given, and the commit signatures themselves. Each forgery is from the side of someone who writes commits.
 */
class ProvenApprovalsTest {
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final Principal CAROL = Principal.human("carol");
    private static final JavaKeys.Ssh ALICE_SSH = JavaKeys.ssh();
    private static final JavaKeys.Ssh MALLORY_SSH = JavaKeys.ssh();
    private static final JavaKeys.Pgp BOB_PGP = JavaKeys.openPgp("Bob <bob@example.com>");
    private static final JavaKeys.Pgp OTHER_PGP = JavaKeys.openPgp("Mallory <mallory@example.com>");
    private static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: signed}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:bob", roles: [approver], environments: ["*"]}
                - {principal: "human:carol", roles: [approver], environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver], signed: true}}
                dev: {approvals: {required: 1, from: [approver]}}
              approverKeys:
                "human:alice": ["%s"]
                "human:bob":
                  - %s
            """.formatted(ALICE_SSH.publicKeyLine(), BOB_PGP.yamlBlock(8));
    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: %s}
            spec:
              components:
                - name: config
                  manifests:
                    - {apiVersion: v1, kind: ConfigMap, metadata: {name: web, namespace: web}, data: {replicas: "2"}}
            """;

    @TempDir
    Path directory;

    private @Nullable Fixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Fixture repository() {
        fixture = Fixture.initializedWithPolicy(directory, POLICY);
        return fixture;
    }

    private static Proposal propose(Fixture repo, String environment, String stack) {
        return repo.lifecycle
                .drafting()
                .propose(Fixture.draftOf(
                        "agent:builder",
                        null,
                        environment,
                        stack,
                        Fixture.files("stack.yaml", STACK.formatted(stack)),
                        "scale up",
                        List.of(),
                        null));
    }

    /** Signs the statement with an SSH key, handing the signature over as {@code ssh-keygen -Y sign} would. */
    private static ApprovalSigning ssh(JavaKeys.Ssh key, AtomicReference<String> made) {
        return (statement, registered, when) -> {
            String encoded = ApprovalProof.detached(key.sign(statement)).sign(statement, registered, when);
            made.set(encoded);
            return encoded;
        };
    }

    private static ApprovalSigning ssh(JavaKeys.Ssh key) {
        return ssh(key, new AtomicReference<>());
    }

    private static ApprovalSigning pgp(JavaKeys.Pgp key) {
        return ApprovalProof.signedWith(key.secret())::sign;
    }

    private static List<String> findings(
            Fixture repo, @Nullable OpenPgpCertificates trusted, @Nullable ApproverKeyring keys) {
        return new Verifier(repo.git, PolicyAuthority.source())
                .verify((String) null, trusted, keys).findings().stream()
                        .map(f -> f.rule() + ": " + f.message())
                        .toList();
    }

    private static CommitInfo head(Fixture repo) {
        return repo.git.commitInfo(repo.git.resolve(Refs.MAIN).orElseThrow());
    }

    /** Replaces main's head by a commit of the same tree, parents and author with another message. */
    private static void rewriteHead(Fixture repo, String message) {
        CommitInfo head = head(repo);
        CommitId forged = repo.git.commit(
                repo.git.tree(head.id()),
                head.parents(),
                Idents.of(head.authorName(), Fixture.CLOCK.instant()),
                Idents.of(Idents.RECORDER, Fixture.CLOCK.instant()),
                message);
        assertThat(repo.git.compareAndSwap(Refs.MAIN, head.id(), forged, "forged"))
                .isTrue();
    }

    private static void assertNothingWritten(Fixture repo, Proposal proposed, List<CommitInfo> main) {
        assertThat(repo.lifecycle.ledger().load(proposed.id()).proposal()).isEqualTo(proposed);
        assertThat(repo.mainLine()).isEqualTo(main);
    }

    @Test
    void anApprovalSignedByTheApproversRegisteredSshKeyIsRecordedWithItsSignatureAndVerifies() {
        Fixture repo = repository();
        Proposal proposed = propose(repo, "staging", "web");
        AtomicReference<String> signature = new AtomicReference<>();

        Proposal recorded = repo.lifecycle.deciding().approve(proposed.id(), ALICE, ssh(ALICE_SSH, signature));

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(head(repo).trailers().all(Trailers.APPROVAL_SIGNATURE))
                .containsExactly("human:alice " + signature.get());
        assertThat(findings(repo, null, null)).isEmpty();
    }

    @Test
    void anApprovalSignedByTheApproversRegisteredOpenPgpKeyIsRecordedAndVerifiesWithTheVerifiersKeys() {
        Fixture repo = repository();
        Proposal proposed = propose(repo, "staging", "web");

        Proposal recorded = repo.lifecycle.deciding().approve(proposed.id(), BOB, pgp(BOB_PGP));

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(findings(repo, null, ApproverKeyring.of(Map.of(BOB.name(), BOB_PGP.certificates()))))
                .isEmpty();
    }

    @Test
    void aSignatureByAKeyThePolicyDoesNotRegisterForTheApproverIsRefusedBeforeAnythingIsWritten() {
        Fixture repo = repository();
        Proposal proposed = propose(repo, "staging", "web");
        List<CommitInfo> main = repo.mainLine();

        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(proposed.id(), ALICE, ssh(MALLORY_SSH)))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals")
                .hasMessageContaining("environment staging requires signed approvals");
        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(proposed.id(), ALICE, pgp(BOB_PGP)))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals");
        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(proposed.id(), BOB, ssh(ALICE_SSH)))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals");
        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(proposed.id(), CAROL, ssh(MALLORY_SSH)))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals");
        assertNothingWritten(repo, proposed, main);
    }

    @Test
    void whereSignaturesAreNotRequiredARegisteredApproversSignatureIsStillCheckedAndAnotherApproversIsKept() {
        Fixture repo = repository();
        Proposal first = propose(repo, "dev", "web");
        List<CommitInfo> main = repo.mainLine();

        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(first.id(), ALICE, ssh(MALLORY_SSH)))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals")
                .hasMessageNotContaining("requires signed approvals");
        assertNothingWritten(repo, first, main);

        assertThat(repo.lifecycle
                        .deciding()
                        .approve(first.id(), CAROL, ssh(MALLORY_SSH))
                        .state())
                .isEqualTo(ProposalState.RECORDED);
        Proposal second = propose(repo, "dev", "api");
        assertThat(repo.lifecycle.deciding().approve(second.id(), ALICE).state())
                .isEqualTo(ProposalState.RECORDED);
        assertThat(findings(repo, null, null)).isEmpty();
    }

    @Test
    void aSigningThatFailsIsARefusalWhereSignaturesAreRequiredAndAnErrorElsewhere() {
        Fixture repo = repository();
        Proposal required = propose(repo, "staging", "web");
        Proposal optional = propose(repo, "dev", "api");
        List<CommitInfo> main = repo.mainLine();
        ApprovalSigning unplugged = (statement, registered, when) -> {
            throw new SignatureException("the security key was unplugged");
        };

        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(required.id(), ALICE, unplugged))
                .isInstanceOf(ActionDeniedException.class)
                .hasMessageContaining("signed-approvals")
                .hasMessageContaining("cannot sign the approval statement: the security key was unplugged");
        assertThatThrownBy(() -> repo.lifecycle.deciding().approve(optional.id(), ALICE, unplugged))
                .isInstanceOf(GitOpsException.class)
                .isNotInstanceOf(ActionDeniedException.class)
                .hasMessage("cannot sign the approval statement: the security key was unplugged");
        assertNothingWritten(repo, required, main);
        assertNothingWritten(repo, optional, main);
    }

    @Test
    void verifyFindsARecordWhoseSignatureTrailerWasReplacedOrRemoved() {
        Fixture repo = repository();
        Proposal proposed = propose(repo, "staging", "web");
        AtomicReference<String> signature = new AtomicReference<>();
        repo.lifecycle.deciding().approve(proposed.id(), ALICE, ssh(ALICE_SSH, signature));
        String message = head(repo).message();
        byte[] otherStatement = "another statement".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String mallorys = ApprovalProof.detached(MALLORY_SSH.sign(otherStatement))
                .sign(otherStatement, List.of(), Fixture.CLOCK.instant());

        rewriteHead(repo, message.replace(signature.get(), mallorys));
        List<String> replaced = findings(repo, null, null);
        rewriteHead(repo, message.replace(Trailers.APPROVAL_SIGNATURE + ": human:alice " + signature.get() + "\n", ""));
        List<String> removed = findings(repo, null, null);

        // the rewritten commit is no longer the one the proposal names, which verify reports too
        assertThat(replaced).hasSize(2);
        assertThat(replaced.get(0))
                .startsWith("signed-approvals: the approval signature of human:alice is refused: signed by key SHA256:")
                .endsWith(", which is not among the allowed keys");
        assertThat(replaced.get(1)).startsWith("proposal-record-mismatch: proposal " + proposed.id() + " records");
        assertThat(removed).hasSize(2);
        assertThat(removed.get(0))
                .isEqualTo(
                        "signed-approvals: the approval of human:alice carries no signature by their registered key");
        assertThat(removed.get(1)).startsWith("proposal-record-mismatch: proposal " + proposed.id() + " records");
    }

    @Test
    void theVerifiersApproverKeysJudgeEachNamedApproversOpenPgpSignature() {
        Fixture repo = repository();
        Proposal first = propose(repo, "dev", "web");
        repo.lifecycle.deciding().approve(first.id(), BOB, pgp(BOB_PGP));
        String firstSignature =
                head(repo).trailers().all(Trailers.APPROVAL_SIGNATURE).get(0);
        Proposal second = propose(repo, "dev", "api");
        repo.lifecycle.deciding().approve(second.id(), BOB, pgp(BOB_PGP));
        String record = head(repo).id().name();

        assertThat(findings(repo, null, ApproverKeyring.of(Map.of(BOB.name(), BOB_PGP.certificates()))))
                .isEmpty();
        assertThat(findings(repo, null, ApproverKeyring.of(Map.of(BOB.name(), OTHER_PGP.certificates()))))
                .hasSize(2)
                .allSatisfy(f -> assertThat(f)
                        .startsWith("untrusted-approval: the approval of human:bob is signed by key ")
                        .endsWith(", which is not a key of human:bob"));
        assertThat(findings(repo, null, ApproverKeyring.of(Map.of())))
                .containsExactly(
                        "untrusted-approval: human:bob approved, but the approver keys hold no key for them",
                        "untrusted-approval: human:bob approved, but the approver keys hold no key for them");

        String message = head(repo).message();
        String secondSignature =
                head(repo).trailers().all(Trailers.APPROVAL_SIGNATURE).get(0);
        rewriteHead(repo, message.replace(secondSignature, firstSignature));
        List<Finding> replayed = new Verifier(repo.git, PolicyAuthority.source())
                .verify((String) null, null, ApproverKeyring.of(Map.of(BOB.name(), BOB_PGP.certificates())))
                .findings();

        // the rewritten commit is no longer the one the proposal names, which verify reports first
        assertThat(replayed)
                .extracting(Finding::rule)
                .containsExactly("proposal-record-mismatch", "bad-approval-signature");
        assertThat(replayed.get(1)).satisfies(f -> {
            assertThat(f.commit()).isNotEqualTo(record);
            assertThat(f.message())
                    .startsWith("the approval signature of human:bob by key ")
                    .endsWith(" does not match this commit's proposal, stack and content");
        });
    }

    @Test
    void commitSignaturesAreCheckedAgainstTheTrustedKeys() {
        JavaKeys.Pgp recorder = JavaKeys.openPgp("Recorder <recorder@example.com>");
        fixture = Fixture.initializedWithPolicy(directory, POLICY, CommitSigner.of(recorder.secret()));
        Fixture repo = fixture;
        Proposal proposed = propose(repo, "dev", "web");
        repo.lifecycle.deciding().approve(proposed.id(), CAROL);
        CommitInfo head = head(repo);
        byte[] raw = repo.git.rawCommit(head.id());
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        SignatureCheck check = new SignatureCheck(recorder.certificates());

        assertThat(findings(repo, recorder.certificates(), null)).isEmpty();
        assertThat(findings(repo, OTHER_PGP.certificates(), null))
                .hasSize(repo.mainLine().size())
                .allSatisfy(f -> assertThat(f)
                        .startsWith("untrusted-signature: signed by key ")
                        .endsWith(", which is not a trusted key"));
        assertThat(check.check("c", raw)).isEmpty();
        assertThat(check.check(
                        "c", text.replace("scale up", "scale down").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasValueSatisfying(f -> {
                    assertThat(f.rule()).isEqualTo("bad-signature");
                    assertThat(f.message()).endsWith(" does not match the commit: it was altered after signing");
                });
        String garbled = text.replaceAll(
                "(?s)-----BEGIN PGP SIGNATURE-----.*-----END PGP SIGNATURE-----",
                "-----BEGIN PGP SIGNATURE-----\n \n aGVsbG8gd29ybGQ=\n -----END PGP SIGNATURE-----");
        assertThat(check.check("c", garbled.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains(new Finding("c", "bad-signature", "the gpgsig header is not an OpenPGP signature"));
    }

    @Test
    void anUnsignedCommitIsFoundWhereCommitSignaturesAreChecked() {
        Fixture repo = repository();

        assertThat(findings(repo, OTHER_PGP.certificates(), null))
                .containsExactly("unsigned: commit carries no OpenPGP signature");
    }
}
