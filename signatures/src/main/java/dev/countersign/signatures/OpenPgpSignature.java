package dev.countersign.signatures;

import dev.countersign.signatures.openpgp.OpenPgpKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * One OpenPGP detached signature over bytes, as {@code git commit -S} writes into a commit's {@code gpgsig}
 * header or an approver's key makes over an approval statement. Immutable and thread-safe.
 */
public final class OpenPgpSignature {
    private final PGPSignature signature;

    OpenPgpSignature(PGPSignature signature) {
        this.signature = signature;
    }

    /**
     * Reads the first signature of armored (or binary) OpenPGP data, such as a commit's {@code gpgsig} header.
     *
     * @param data the signature data
     * @return the signature
     * @throws SignatureFormatException if the data holds no OpenPGP signature
     */
    public static OpenPgpSignature parse(byte[] data) {
        PGPSignatureList list = read(data);
        if (list.isEmpty()) {
            throw new SignatureFormatException("the data holds no OpenPGP signature");
        }
        return new OpenPgpSignature(list.get(0));
    }

    /**
     * Reads exactly one signature from the standard base64 of its binary packet, as {@link #base64()} writes it.
     *
     * @param base64 the encoded signature
     * @return the signature
     * @throws SignatureFormatException if the text is not base64 of exactly one OpenPGP signature
     */
    public static OpenPgpSignature fromBase64(String base64) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("the signature is not standard base64", e);
        }
        PGPSignatureList list = read(data);
        if (list.size() != 1) {
            throw new SignatureFormatException("the data holds " + list.size() + " OpenPGP signatures, not one");
        }
        return new OpenPgpSignature(list.get(0));
    }

    private static PGPSignatureList read(byte[] data) {
        try {
            Object object =
                    new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(data))).nextObject();
            if (object instanceof PGPSignatureList list) {
                return list;
            }
        } catch (IOException | RuntimeException e) {
            throw new SignatureFormatException("the data is not an OpenPGP signature", e);
        }
        throw new SignatureFormatException("the data is not an OpenPGP signature");
    }

    /**
     * Returns the id of the key that made the signature, as the 16 uppercase hex digits gpg shows.
     *
     * @return the issuer key id
     */
    public String keyId() {
        return OpenPgpKeys.keyId(signature.getKeyID());
    }

    /**
     * Returns the signature ASCII-armored without headers and with LF line ends, as git stores it in a
     * commit's {@code gpgsig} header.
     *
     * @return the armored signature, US-ASCII
     * @throws SignatureException if the signature cannot be encoded
     */
    public byte[] armored() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor =
                ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            signature.encode(armor);
        } catch (IOException e) {
            throw new SignatureException("cannot armor the OpenPGP signature by key " + keyId(), e);
        }
        String text = bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Returns the standard base64 of the binary signature packet, one line.
     *
     * @return the encoded signature
     * @throws SignatureException if the signature cannot be encoded
     */
    public String base64() {
        try {
            return Base64.getEncoder().encodeToString(signature.getEncoded());
        } catch (IOException e) {
            throw new SignatureException("cannot encode the OpenPGP signature by key " + keyId(), e);
        }
    }

    PGPSignature packet() {
        return signature;
    }

    @Override
    public String toString() {
        return "OpenPgpSignature[by " + keyId() + "]";
    }
}
