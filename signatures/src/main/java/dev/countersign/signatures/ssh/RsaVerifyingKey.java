package dev.countersign.signatures.ssh;

import dev.countersign.signatures.BadSignatureException;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/** An {@code ssh-rsa} public key: verifies {@code rsa-sha2-256} and {@code rsa-sha2-512}, never SHA-1. */
final class RsaVerifyingKey implements VerifyingKey {
    static final String TYPE = "ssh-rsa";
    static final int MIN_BITS = 2048;
    static final int MAX_BITS = 16384;

    private final RSAPublicKey key;

    private RsaVerifyingKey(RSAPublicKey key) {
        this.key = key;
    }

    static RsaVerifyingKey read(WireReader reader) {
        BigInteger e = reader.readMpint();
        BigInteger n = reader.readMpint();
        if (n.bitLength() < MIN_BITS || n.bitLength() > MAX_BITS) {
            throw new UnsupportedKeyTypeException(
                    "RSA keys must have 2048 to 16384 bits, this one has " + n.bitLength());
        }
        if (e.signum() <= 0 || !e.testBit(0)) {
            throw new SignatureFormatException("RSA public exponent is not a positive odd number");
        }
        try {
            return new RsaVerifyingKey(
                    (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
        } catch (GeneralSecurityException ex) {
            throw new SignatureFormatException("RSA public key is not valid", ex);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void verify(byte[] data, byte[] signatureBlob) {
        WireReader reader = new WireReader(signatureBlob, "RSA signature");
        String algorithm = jcaAlgorithm(reader.readText());
        byte[] signature = padded(reader.readString());
        reader.requireEnd();
        if (!check(algorithm, data, signature)) {
            throw new BadSignatureException("RSA signature does not verify");
        }
    }

    private static String jcaAlgorithm(String sshAlgorithm) {
        return switch (sshAlgorithm) {
            case "rsa-sha2-512" -> "SHA512withRSA";
            case "rsa-sha2-256" -> "SHA256withRSA";
            case TYPE -> throw new UnsupportedKeyTypeException("ssh-rsa signatures use SHA-1 and are refused");
            default ->
                throw new BadSignatureException(
                        "signature algorithm '" + Names.bounded(sshAlgorithm) + "' does not match key type ssh-rsa");
        };
    }

    /** OpenSSH may send a signature shorter than the modulus; the JDK wants exactly its length. */
    private byte[] padded(byte[] signature) {
        int length = (key.getModulus().bitLength() + 7) / 8;
        if (signature.length > length) {
            throw new BadSignatureException("RSA signature is longer than the key's modulus");
        }
        byte[] out = new byte[length];
        System.arraycopy(signature, 0, out, length - signature.length, signature.length);
        return out;
    }

    private boolean check(String algorithm, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SignatureException("RSA verification is unavailable", e);
        }
    }
}
