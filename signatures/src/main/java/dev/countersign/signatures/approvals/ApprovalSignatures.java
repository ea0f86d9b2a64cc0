package dev.countersign.signatures.approvals;

import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.SshSignature;
import dev.countersign.signatures.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Approver signatures: an OpenPGP detached signature over an approval statement, kept as standard
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

    /**
     * Tells whether an encoded approval signature is an SSH one.
     *
     * @param encoded the encoded signature
     * @return true for an {@code sshsig} signature
     */
    public static boolean isSsh(String encoded) {
        return encoded.startsWith(SSH_MAGIC_BASE64);
    }

    /**
     * Reads an encoded SSH approval signature.
     *
     * @param encoded the encoded signature
     * @return the signature
     * @throws SignatureException when it is not one
     */
    public static SshSignature ssh(String encoded) {
        return SshSignature.parse(SSH_BEGIN + "\n" + encoded + "\n" + SSH_END + "\n");
    }

    /**
     * Signs statement bytes with an OpenPGP key.
     *
     * @param key the approver's key
     * @param statement the statement bytes
     * @param when the signature's creation time
     * @return the base64 of the binary detached signature
     * @throws SignatureException if the key cannot sign
     */
    public static String signOpenPgp(SigningKey key, byte[] statement, Instant when) {
        return key.sign(statement, when).base64();
    }

    /**
     * Decodes the base64 of a trailer.
     *
     * @param base64 the encoded signature
     * @return the OpenPGP signature, or empty when it is not one
     */
    public static Optional<OpenPgpSignature> decode(String base64) {
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
