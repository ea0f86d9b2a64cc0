package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SignatureException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A private key held in memory (read from a file or generated): Ed25519, ECDSA or RSA. */
public final class SoftwareSigningKey implements SigningKey {
    private final String type;
    private final byte[] publicKeyBlob;
    private final RawSigner signer;

    private SoftwareSigningKey(String type, byte[] publicKeyBlob, RawSigner signer) {
        this.type = type;
        this.publicKeyBlob = publicKeyBlob;
        this.signer = signer;
    }

    /**
     * An Ed25519 key from its 32-byte seed (the first half of OpenSSH's 64-byte private key).
     *
     * @param seed the private seed, copied
     * @return the key
     */
    public static SoftwareSigningKey ed25519(byte[] seed) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed.clone(), 0);
        byte[] blob = new WireWriter()
                .writeText(Ed25519VerifyingKey.TYPE)
                .writeString(key.generatePublicKey().getEncoded())
                .toByteArray();
        return new SoftwareSigningKey(Ed25519VerifyingKey.TYPE, blob, data -> ed25519Sign(key, data));
    }

    /**
     * An ECDSA key on nistp256, nistp384 or nistp521.
     *
     * @param key the private key
     * @param publicPoint its public point
     * @return the key
     */
    public static SoftwareSigningKey ecdsa(ECPrivateKey key, ECPoint publicPoint) {
        EcCurve curve = EcCurve.of(key.getParams());
        byte[] blob = new WireWriter()
                .writeText(curve.keyType())
                .writeText(curve.sshName())
                .writeString(curve.encodePoint(publicPoint))
                .toByteArray();
        return new SoftwareSigningKey(curve.keyType(), blob, data -> ecdsaSign(curve, key, data));
    }

    /**
     * An RSA key; it signs with {@code rsa-sha2-512}.
     *
     * @param key the private key
     * @return the key
     */
    public static SoftwareSigningKey rsa(RSAPrivateCrtKey key) {
        byte[] blob = new WireWriter()
                .writeText(RsaVerifyingKey.TYPE)
                .writeMpint(key.getPublicExponent())
                .writeMpint(key.getModulus())
                .toByteArray();
        return new SoftwareSigningKey(
                RsaVerifyingKey.TYPE,
                blob,
                data -> new WireWriter()
                        .writeText("rsa-sha2-512")
                        .writeString(jcaSign("SHA512withRSA", key, data))
                        .toByteArray());
    }

    @Override
    public byte[] publicKeyBlob() {
        return publicKeyBlob.clone();
    }

    @Override
    public byte[] sign(byte[] data) {
        return signer.sign(data);
    }

    @Override
    public String toString() {
        return "SoftwareSigningKey[" + type + ", private key redacted]";
    }

    private static byte[] ed25519Sign(Ed25519PrivateKeyParameters key, byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(data, 0, data.length);
        return new WireWriter()
                .writeText(Ed25519VerifyingKey.TYPE)
                .writeString(signer.generateSignature())
                .toByteArray();
    }

    private static byte[] ecdsaSign(EcCurve curve, PrivateKey key, byte[] data) {
        byte[] rs = jcaSign(curve.signatureAlgorithm(), key, data);
        int half = rs.length / 2;
        byte[] inner = new WireWriter()
                .writeMpint(new BigInteger(1, Arrays.copyOfRange(rs, 0, half)))
                .writeMpint(new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length)))
                .toByteArray();
        return new WireWriter().writeText(curve.keyType()).writeString(inner).toByteArray();
    }

    private static byte[] jcaSign(String algorithm, PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SignatureException("signing with " + algorithm + " failed", e);
        }
    }

    @FunctionalInterface
    private interface RawSigner {
        byte[] sign(byte[] data);
    }
}
