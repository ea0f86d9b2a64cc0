package dev.countersign.signatures.ssh;

import dev.countersign.signatures.BadSignatureException;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECPublicKeySpec;

/** An {@code ecdsa-sha2-nistp256/384/521} public key. */
final class EcdsaVerifyingKey implements VerifyingKey {
    private final EcCurve curve;
    private final PublicKey key;

    private EcdsaVerifyingKey(EcCurve curve, PublicKey key) {
        this.curve = curve;
        this.key = key;
    }

    static EcdsaVerifyingKey read(WireReader reader, String type) {
        EcCurve curve = EcCurve.fromSshName(reader.readText());
        if (!curve.keyType().equals(type)) {
            throw new SignatureFormatException("ECDSA key type " + Names.bounded(type) + " names another curve");
        }
        byte[] point = reader.readString();
        try {
            ECPublicKeySpec spec = new ECPublicKeySpec(curve.decodePoint(point), curve.params());
            return new EcdsaVerifyingKey(curve, KeyFactory.getInstance("EC").generatePublic(spec));
        } catch (GeneralSecurityException e) {
            throw new SignatureFormatException("ECDSA public key is not valid", e);
        }
    }

    @Override
    public String type() {
        return curve.keyType();
    }

    @Override
    public void verify(byte[] data, byte[] signatureBlob) {
        WireReader reader = new WireReader(signatureBlob, "ECDSA signature");
        SignatureAlgorithms.require(type(), reader.readText());
        byte[] inner = reader.readString();
        reader.requireEnd();
        if (!verifyRaw(curve.signatureAlgorithm(), data, inner)) {
            throw new BadSignatureException("ECDSA signature does not verify");
        }
    }

    /** Checks an encoded {@code mpint r, mpint s} pair over {@code data} with the given JCA algorithm. */
    boolean verifyRaw(String algorithm, byte[] data, byte[] rs) {
        WireReader reader = new WireReader(rs, "ECDSA signature value");
        BigInteger r = reader.readMpint();
        BigInteger s = reader.readMpint();
        reader.requireEnd();
        byte[] fixed = concat(curve.fixed(r), curve.fixed(s));
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(fixed);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SignatureException("ECDSA verification is unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
