package dev.countersign.gitops.internal;

import dev.countersign.gitops.Finding;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.OpenPgpVerification;
import dev.countersign.signatures.approvals.ApprovalSignatures;
import dev.countersign.signatures.approvals.ApproverKeyring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks that every approver a record commit names signed the {@link ApprovalStatement} rebuilt from that
 * commit's trailers with one of their own keys: finds {@code unsigned-approval}, {@code untrusted-approval}
 * or {@code bad-approval-signature}.
 */
final class ApprovalCheck {
    private final ApproverKeyring approvers;
    private final CommitInfo commit;
    private final Trailers trailers;
    private final List<Finding> findings = new ArrayList<>();

    ApprovalCheck(ApproverKeyring approvers, CommitInfo commit) {
        this.approvers = approvers;
        this.commit = commit;
        this.trailers = commit.trailers();
    }

    List<Finding> run() {
        if (commit.parents().size() != 1 || trailers.single(Trailers.PROPOSAL).isEmpty()) {
            return findings;
        }
        Map<String, String> signatures = signatures();
        List<String> named = trailers.all(Trailers.APPROVED_BY);
        for (String approver : named) {
            check(approver, signatures.get(approver));
        }
        signatures.keySet().stream()
                .filter(principal -> !named.contains(principal))
                .forEach(principal ->
                        add("bad-approval-signature", "signature of " + principal + ", who is not a named approver"));
        return findings;
    }

    private Map<String, String> signatures() {
        Map<String, String> signatures = signatureTrailers(trailers);
        if (signatures.size() != trailers.all(Trailers.APPROVAL_SIGNATURE).size()) {
            add("bad-approval-signature", "malformed or repeated " + Trailers.APPROVAL_SIGNATURE + " trailer");
        }
        return signatures;
    }

    /** The approval signatures of a commit by approver; a malformed or repeated trailer is left out. */
    static Map<String, String> signatureTrailers(Trailers trailers) {
        Map<String, String> signatures = new LinkedHashMap<>();
        for (String value : trailers.all(Trailers.APPROVAL_SIGNATURE)) {
            String[] parts = value.split(" ", 2);
            if (parts.length == 2 && signatures.putIfAbsent(parts[0], parts[1].strip()) != null) {
                signatures.put(parts[0], "");
            }
        }
        signatures.values().removeIf(String::isEmpty);
        return signatures;
    }

    private void check(String approver, @Nullable String base64) {
        if (base64 == null) {
            add("unsigned-approval", "the approval of " + approver + " carries no signature by their key");
            return;
        }
        Optional<OpenPgpSignature> signature = ApprovalSignatures.decode(base64);
        if (signature.isEmpty()) {
            add("bad-approval-signature", "the approval signature of " + approver + " is not an OpenPGP signature");
            return;
        }
        Optional<OpenPgpCertificates> keys = approvers.keysOf(approver);
        if (keys.isEmpty()) {
            add("untrusted-approval", approver + " approved, but the approver keys hold no key for them");
            return;
        }
        report(approver, keys.get().verify(signature.get(), statement(approver).bytes()));
    }

    private void report(String approver, OpenPgpVerification result) {
        switch (result.outcome()) {
            case UNKNOWN_KEY ->
                add(
                        "untrusted-approval",
                        "the approval of " + approver + " is signed by key " + result.key() + ", which is not a key of "
                                + approver);
            case MISMATCH ->
                add(
                        "bad-approval-signature",
                        "the approval signature of " + approver + " by key " + result.key()
                                + " does not match this commit's proposal, stack and content");
            case VALID -> {}
        }
    }

    /** Version 2 when the commit carries the changes it was approved for, else version 1 (older records). */
    private ApprovalStatement statement(String approver) {
        return statement(trailers, approver);
    }

    /** The statement an approver signed, rebuilt from a record commit's trailers. */
    static ApprovalStatement statement(Trailers trailers, String approver) {
        java.util.function.Function<String, String> value =
                key -> trailers.single(key).orElse("-");
        ApprovalStatement.Binding binding = trailers.all(Trailers.CHANGES).isEmpty()
                ? null
                : new ApprovalStatement.Binding(
                        value.apply(Trailers.SUPERSEDES),
                        value.apply(Trailers.BASE),
                        value.apply(Trailers.CHANGES),
                        value.apply(Trailers.PROPOSED_BY),
                        value.apply(Trailers.ON_BEHALF_OF));
        return new ApprovalStatement(
                value.apply(Trailers.PROPOSAL),
                value.apply(Trailers.ENVIRONMENT),
                trailers.single(Trailers.SUBJECT).isPresent() ? "" : value.apply(Trailers.STACK),
                value.apply(Trailers.CONTENT_HASH),
                approver,
                binding);
    }

    private void add(String rule, String message) {
        findings.add(new Finding(commit.id().name(), rule, message));
    }
}
