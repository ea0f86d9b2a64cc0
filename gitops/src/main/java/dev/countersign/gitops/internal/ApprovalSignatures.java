package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.internal.git.CommitSigner;
import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import java.time.Instant;
import java.util.Optional;

/**
 * Approver signatures: an OpenPGP detached signature over an {@link ApprovalStatement}, kept as standard
 * base64 of the binary signature packet, and carried into the record commit as one trailer per signed
 * approval, {@code Countersign-Approval-Signature: <principal> <base64>}.
 */
final class ApprovalSignatures {
    private ApprovalSignatures() {}

    /** Signs a statement; the result is the base64 of the binary detached signature. */
    static String sign(CommitSigner signer, ApprovalStatement statement, Instant when) {
        byte[] armored = signer.sign(statement.bytes(), when);
        try {
            return OpenPgpSignature.parse(armored).base64();
        } catch (SignatureFormatException e) {
            throw new GitOpsException("the approver's key produced no OpenPGP signature", e);
        } catch (SignatureException e) {
            throw new GitOpsException("cannot encode the approval signature", e);
        }
    }

    /** Decodes the base64 of a trailer, or empty when it is not one OpenPGP signature. */
    static Optional<OpenPgpSignature> decode(String base64) {
        try {
            return Optional.of(OpenPgpSignature.fromBase64(base64));
        } catch (SignatureFormatException e) {
            return Optional.empty();
        }
    }
}
