package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import dev.countersign.signatures.WrongPassphraseException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;

/** The decrypted private section of an {@code openssh-key-v1} file: check integers, then the key. */
final class PrivateKeySection {
    private PrivateKeySection() {}

    static SoftwareSigningKey read(byte[] plain, byte[] publicBlob, boolean encrypted) {
        WireReader reader = new WireReader(plain, "OpenSSH private key section");
        long check = reader.readUint32();
        if (check != reader.readUint32()) {
            throw encrypted
                    ? new WrongPassphraseException("the passphrase does not decrypt the private key")
                    : new SignatureFormatException("OpenSSH private key: check integers differ");
        }
        String type = reader.readText();
        SoftwareSigningKey key = readKey(type, reader);
        reader.readString(); // the comment
        if (!Arrays.equals(key.publicKeyBlob(), publicBlob)) {
            throw new SignatureFormatException("the private key does not match the file's public key");
        }
        return key;
    }

    private static SoftwareSigningKey readKey(String type, WireReader reader) {
        if (Ed25519VerifyingKey.TYPE.equals(type)) {
            return ed25519(reader);
        }
        if (RsaVerifyingKey.TYPE.equals(type)) {
            return rsa(reader);
        }
        if (type.startsWith("ecdsa-sha2-")) {
            return ecdsa(type, reader);
        }
        if (type.startsWith("sk-")) {
            throw new UnsupportedKeyTypeException(
                    "security key (" + Names.bounded(type) + ") files need the hardware: sign with ssh-keygen -Y sign");
        }
        throw new UnsupportedKeyTypeException("unsupported private key type '" + Names.bounded(type) + "'");
    }

    private static SoftwareSigningKey ed25519(WireReader reader) {
        reader.readString(); // the public key, repeated
        byte[] secret = reader.readString();
        if (secret.length != 64) {
            throw new SignatureFormatException("Ed25519 private key must be 64 bytes");
        }
        byte[] seed = Arrays.copyOf(secret, 32);
        try {
            return SoftwareSigningKey.ed25519(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static SoftwareSigningKey ecdsa(String type, WireReader reader) {
        EcCurve curve = EcCurve.fromSshName(reader.readText());
        if (!curve.keyType().equals(type)) {
            throw new SignatureFormatException("ECDSA private key names another curve than its type");
        }
        byte[] point = reader.readString();
        BigInteger d = reader.readMpint();
        try {
            ECPrivateKeySpec spec = new ECPrivateKeySpec(d, curve.params());
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(spec);
            return SoftwareSigningKey.ecdsa(key, curve.decodePoint(point));
        } catch (GeneralSecurityException e) {
            throw new SignatureException("ECDSA private key is not valid", e);
        }
    }

    private static SoftwareSigningKey rsa(WireReader reader) {
        BigInteger n = reader.readMpint();
        BigInteger e = reader.readMpint();
        BigInteger d = reader.readMpint();
        BigInteger iqmp = reader.readMpint();
        BigInteger p = reader.readMpint();
        BigInteger q = reader.readMpint();
        if (p.compareTo(BigInteger.ONE) <= 0 || q.compareTo(BigInteger.ONE) <= 0) {
            throw new SignatureFormatException("RSA private key primes are not valid");
        }
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(
                n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), iqmp);
        try {
            return SoftwareSigningKey.rsa(
                    (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (GeneralSecurityException ex) {
            throw new SignatureException("RSA private key is not valid", ex);
        }
    }
}
