package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;

/** The NIST curves OpenSSH uses for ECDSA, with their point encoding and signature hash. */
enum EcCurve {
    NISTP256("nistp256", "secp256r1", "SHA256", 32),
    NISTP384("nistp384", "secp384r1", "SHA384", 48),
    NISTP521("nistp521", "secp521r1", "SHA512", 66);

    private final String sshName;
    private final String jcaName;
    private final String hash;
    private final int fieldBytes;

    EcCurve(String sshName, String jcaName, String hash, int fieldBytes) {
        this.sshName = sshName;
        this.jcaName = jcaName;
        this.hash = hash;
        this.fieldBytes = fieldBytes;
    }

    static EcCurve fromSshName(String name) {
        for (EcCurve curve : values()) {
            if (curve.sshName.equals(name)) {
                return curve;
            }
        }
        throw new UnsupportedKeyTypeException("unsupported ECDSA curve");
    }

    static EcCurve of(ECParameterSpec spec) {
        for (EcCurve curve : values()) {
            if (curve.params().getCurve().equals(spec.getCurve())) {
                return curve;
            }
        }
        throw new UnsupportedKeyTypeException("unsupported ECDSA curve: only nistp256, nistp384 and nistp521");
    }

    String sshName() {
        return sshName;
    }

    String keyType() {
        return "ecdsa-sha2-" + sshName;
    }

    ECParameterSpec params() {
        return parameters(jcaName);
    }

    /** The JCA algorithm that hashes with this curve's hash and takes r||s of fixed length. */
    String signatureAlgorithm() {
        return hash + "withECDSAinP1363Format";
    }

    ECPoint decodePoint(byte[] encoded) {
        if (encoded.length != 1 + 2 * fieldBytes || encoded[0] != 4) {
            throw new SignatureFormatException("ECDSA public key: not an uncompressed " + sshName + " point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + fieldBytes));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + fieldBytes, encoded.length));
        requireOnCurve(x, y);
        return new ECPoint(x, y);
    }

    byte[] encodePoint(ECPoint point) {
        return ByteBuffer.allocate(1 + 2 * fieldBytes)
                .put((byte) 4)
                .put(fixed(point.getAffineX()))
                .put(fixed(point.getAffineY()))
                .array();
    }

    /** A non-negative integer as exactly {@code fieldBytes} big-endian bytes. */
    byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        int start = raw.length > fieldBytes && raw[0] == 0 ? 1 : 0;
        int length = raw.length - start;
        if (value.signum() < 0 || length > fieldBytes) {
            throw new SignatureFormatException("ECDSA value out of range for " + sshName);
        }
        return ByteBuffer.allocate(fieldBytes)
                .position(fieldBytes - length)
                .put(raw, start, length)
                .array();
    }

    private void requireOnCurve(BigInteger x, BigInteger y) {
        ECParameterSpec params = params();
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger a = params.getCurve().getA();
        BigInteger b = params.getCurve().getB();
        boolean inField = x.compareTo(p) < 0 && y.compareTo(p) < 0;
        BigInteger right = x.pow(3).add(a.multiply(x)).add(b).mod(p);
        if (!inField || !y.modPow(BigInteger.TWO, p).equals(right)) {
            throw new SignatureFormatException("ECDSA public key: point is not on " + sshName);
        }
    }

    private static ECParameterSpec parameters(String jcaName) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jcaName));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new SignatureException("the JDK lacks curve " + jcaName, e);
        }
    }
}
