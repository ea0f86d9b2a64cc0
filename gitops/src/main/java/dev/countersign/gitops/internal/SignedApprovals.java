package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.policy.ApproverKey;
import dev.countersign.policy.Principal;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.approvals.ApprovalSigning;
import dev.countersign.signatures.approvals.RegisteredKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code signed-approvals} rule: where the policy in force says {@code approvals.signed: true}, an
 * approval counts only with a valid signature over its {@link ApprovalStatement} by one of the approver's
 * keys registered in the policy. Checked when approving (before anything is written), when recording, and by
 * the verifier.
 */
final class SignedApprovals {
    /** The rule's name, in refusals and findings. */
    static final String RULE = "signed-approvals";

    private SignedApprovals() {}

    /**
     * Makes or takes the approver's signature and, where required or checkable, verifies it.
     *
     * @return the encoded signature, or null for an unsigned approval where none is required
     * @throws ActionDeniedException naming {@link #RULE} when the approval is not proven where it must be
     */
    static @Nullable String prove(
            Proposal r,
            Principal approver,
            Authority authority,
            @Nullable ApprovalSigning signing,
            Instant now,
            byte[] statement) {
        boolean required = authority.signedApprovals(r.environment());
        var registered = authority.approverKeys(approver);
        RegisteredKeys keys = registered(approver.name(), registered);
        String signature = sign(signing, statement, keys, now, required, approver);
        if (required || (signature != null && !registered.isEmpty())) {
            Optional<String> problem = keys.problem(signature, statement);
            if (problem.isPresent()) {
                throw refusal(
                        approver,
                        problem.get()
                                + (required ? "; environment " + r.environment() + " requires signed approvals" : ""));
            }
        }
        return signature;
    }

    private static @Nullable String sign(
            @Nullable ApprovalSigning signing,
            byte[] statement,
            RegisteredKeys keys,
            Instant now,
            boolean required,
            Principal approver) {
        if (signing == null) {
            return null;
        }
        try {
            return signing.sign(statement, keys.ssh(), now);
        } catch (SignatureException e) {
            if (required) {
                throw refusal(approver, "cannot sign the approval statement: " + e.getMessage());
            }
            throw new GitOpsException("cannot sign the approval statement: " + e.getMessage(), e);
        }
    }

    /** Tells whether a stored approval counts under the policy in force when recording. */
    static boolean counts(Countersignature approval, Proposal r, Authority authority, String changes) {
        if (!authority.signedApprovals(r.environment())) {
            return true;
        }
        Principal approver = approval.approver();
        return registered(approver.name(), authority.approverKeys(approver))
                .problem(
                        approval.signature(),
                        ApprovalStatement.of(r, changes, approver.name()).bytes())
                .isEmpty();
    }

    /**
     * Checks one approval named on a record commit against the policy at its parent.
     *
     * @return why it does not count, or empty when it does or the environment needs no signatures
     */
    static Optional<String> problem(
            Authority authority, String environment, String approver, @Nullable String signature, byte[] statement) {
        if (!authority.signedApprovals(environment)) {
            return Optional.empty();
        }
        Principal principal;
        try {
            principal = Idents.principal(approver);
        } catch (dev.countersign.policy.PolicyException e) {
            return Optional.of(approver + " is not a principal");
        }
        return registered(approver, authority.approverKeys(principal)).problem(signature, statement);
    }

    /** Reads the keys the policy registers for an approver, OpenPGP and SSH apart, each in policy order. */
    private static RegisteredKeys registered(String approver, List<ApproverKey> keys) {
        return RegisteredKeys.of(
                approver,
                keys.stream()
                        .filter(key -> key.format() == ApproverKey.Format.OPENPGP)
                        .map(ApproverKey::text)
                        .toList(),
                keys.stream()
                        .filter(key -> key.format() != ApproverKey.Format.OPENPGP)
                        .map(ApproverKey::text)
                        .toList());
    }

    private static ActionDeniedException refusal(Principal approver, String explanation) {
        return new ActionDeniedException("approve", approver.name(), RULE, explanation);
    }
}
