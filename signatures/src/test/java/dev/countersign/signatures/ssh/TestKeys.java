package dev.countersign.signatures.ssh;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;

/** Real keys generated for tests: Ed25519, ECDSA P-256 and RSA 2048. */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {}

    public static SoftwareSigningKey ed25519() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return SoftwareSigningKey.ed25519(seed);
    }

    public static SoftwareSigningKey ecdsa() {
        KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"));
        return SoftwareSigningKey.ecdsa((ECPrivateKey) pair.getPrivate(), ((ECPublicKey) pair.getPublic()).getW());
    }

    public static SoftwareSigningKey rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return SoftwareSigningKey.rsa(
                    (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(spec, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
