package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

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
        PGPSignature signature = parse(armored)
                .orElseThrow(() -> new GitOpsException("the approver's key produced no OpenPGP signature"));
        try {
            return Base64.getEncoder().encodeToString(signature.getEncoded());
        } catch (IOException e) {
            throw new GitOpsException("cannot encode the approval signature", e);
        }
    }

    /** Decodes the base64 of a trailer, or empty when it is not one OpenPGP signature. */
    static Optional<PGPSignature> decode(String base64) {
        try {
            return parse(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<PGPSignature> parse(byte[] data) {
        try {
            Object object =
                    new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(data))).nextObject();
            return object instanceof PGPSignatureList list && list.size() == 1
                    ? Optional.of(list.get(0))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
