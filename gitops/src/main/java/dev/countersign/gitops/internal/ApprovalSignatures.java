package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.internal.git.CommitSigner;
import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.SshSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Approver signatures: an OpenPGP detached signature over an {@link ApprovalStatement}, kept as standard
 * base64 of the binary signature packet, or an OpenSSH {@code sshsig} signature in the namespace {@code
 * countersign}, kept as standard base64 of its binary form (which starts with {@code SSHSIG}); carried into
 * the record commit as one trailer per signed approval, {@code Countersign-Approval-Signature: <principal>
 * <base64>}.
 */
public final class ApprovalSignatures {
    private static final String SSH_BEGIN = "-----BEGIN SSH SIGNATURE-----";
    private static final String SSH_END = "-----END SSH SIGNATURE-----";
    private static final String SSH_MAGIC_BASE64 = "U1NIU0lH";

    private ApprovalSignatures() {}

    /**
     * Encodes an SSH signature as an approval keeps it.
     *
     * @param signature the signature
     * @return the base64 of its binary form, one line
     */
    public static String encode(SshSignature signature) {
        String armored = signature.armored().strip();
        return armored.substring(SSH_BEGIN.length(), armored.length() - SSH_END.length())
                .replaceAll("\\s", "");
    }

    /**
     * Reads a detached signature made elsewhere: an armored SSH signature ({@code ssh-keygen -Y sign}) or an
     * armored or binary OpenPGP signature ({@code gpg --detach-sign}).
     *
     * @param data the signature file's bytes
     * @return the signature, encoded as an approval keeps it
     * @throws SignatureException when the data is neither
     */
    public static String detached(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (text.contains(SSH_BEGIN)) {
            return encode(SshSignature.parse(text));
        }
        return OpenPgpSignature.parse(data).base64();
    }

    static boolean isSsh(String encoded) {
        return encoded.startsWith(SSH_MAGIC_BASE64);
    }

    static SshSignature ssh(String encoded) {
        return SshSignature.parse(SSH_BEGIN + "\n" + encoded + "\n" + SSH_END + "\n");
    }

    /** Signs a statement; the result is the base64 of the binary detached signature. */
    static String sign(CommitSigner signer, ApprovalStatement statement, Instant when) {
        return signOpenPgp(signer, statement.bytes(), when);
    }

    /**
     * Signs statement bytes with an OpenPGP key.
     *
     * @param signer the approver's key
     * @param statement the statement bytes
     * @param when the signature's creation time
     * @return the base64 of the binary detached signature
     */
    public static String signOpenPgp(CommitSigner signer, byte[] statement, Instant when) {
        byte[] armored = signer.sign(statement, when);
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
        if (isSsh(base64)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OpenPgpSignature.fromBase64(base64));
        } catch (SignatureFormatException e) {
            return Optional.empty();
        }
    }
}
