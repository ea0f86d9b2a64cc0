package dev.countersign.sops.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.junit.jupiter.api.Test;

class PgpEncryptionKeysTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long DAY = 86_400;

    private final SecureRandom random = new SecureRandom();

    private PGPKeyPair rsa(Instant created) throws PGPException {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), random, 1024, 12));
        return new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), Date.from(created));
    }

    private PGPKeyRingGenerator certificate(int primaryFlags) throws PGPException {
        PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
        flags.setKeyFlags(false, primaryFlags);
        return new PGPKeyRingGenerator(
                PGPSignature.POSITIVE_CERTIFICATION,
                rsa(T0),
                "Test <test@example.org>",
                new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                flags.generate(),
                null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                null);
    }

    private PGPKeyPair addSubkey(PGPKeyRingGenerator generator, Instant created, int keyFlags, long validSeconds)
            throws PGPException {
        PGPKeyPair subkey = rsa(created);
        PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
        flags.setKeyFlags(false, keyFlags);
        if (validSeconds > 0) {
            flags.setKeyExpirationTime(false, validSeconds);
        }
        generator.addSubKey(subkey, flags.generate(), null);
        return subkey;
    }

    private static List<PGPPublicKey> keys(PGPKeyRingGenerator generator) {
        List<PGPPublicKey> keys = new ArrayList<>();
        generator.generatePublicKeyRing().getPublicKeys().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void picksTheNewestEncryptionSubkey() throws PGPException {
        PGPKeyRingGenerator generator = certificate(KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        addSubkey(generator, T0, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE, 0);
        PGPKeyPair newer = addSubkey(generator, T0.plusSeconds(DAY), KeyFlags.ENCRYPT_STORAGE, 0);

        assertThat(PgpEncryptionKeys.select(keys(generator), T0.plusSeconds(2 * DAY)))
                .hasValueSatisfying(key -> assertThat(key.getKeyID()).isEqualTo(newer.getKeyID()));
    }

    @Test
    void skipsAnExpiredSubkey() throws PGPException {
        PGPKeyRingGenerator generator = certificate(KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        PGPKeyPair lasting = addSubkey(generator, T0, KeyFlags.ENCRYPT_COMMS, 0);
        addSubkey(generator, T0.plusSeconds(DAY), KeyFlags.ENCRYPT_COMMS, DAY);

        assertThat(PgpEncryptionKeys.select(keys(generator), T0.plusSeconds(3 * DAY)))
                .hasValueSatisfying(key -> assertThat(key.getKeyID()).isEqualTo(lasting.getKeyID()));
    }

    @Test
    void ignoresAnRsaSubkeyFlaggedForSigningOnly() throws PGPException {
        PGPKeyRingGenerator generator = certificate(KeyFlags.CERTIFY_OTHER);
        addSubkey(generator, T0, KeyFlags.SIGN_DATA, 0);

        assertThat(PgpEncryptionKeys.select(keys(generator), T0.plusSeconds(DAY)))
                .isEmpty();
    }

    @Test
    void usesAPrimaryKeyFlaggedForEncryption() throws PGPException {
        PGPKeyRingGenerator generator =
                certificate(KeyFlags.CERTIFY_OTHER | KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

        assertThat(PgpEncryptionKeys.select(keys(generator), T0.plusSeconds(DAY)))
                .hasValueSatisfying(key -> assertThat(key.isMasterKey()).isTrue());
    }
}
