package dev.countersign.sops.internal.keys;

import dev.countersign.sops.KeyDecryptionException;
import dev.countersign.sops.MalformedKeyException;
import dev.countersign.sops.ProtectedKeyException;
import dev.countersign.sops.SopsException;
import dev.countersign.sops.UnknownRecipientException;
import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;

/**
 * The PGP key source: wraps to a certificate's encryption key, chosen by fingerprint, and unwraps
 * with unprotected secret keys from a keyring. Immutable and thread-safe.
 */
public final class PgpKeySource implements KeySource {
    /** The metadata list this source handles. */
    public static final String TYPE = "pgp";

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    private final PgpKeyMaterial keys;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * Creates a source.
     *
     * @param keys the certificates and secret keys to use
     * @param clock the clock for {@code created_at}
     * @param random the source of session keys
     */
    public PgpKeySource(PgpKeyMaterial keys, Clock clock, SecureRandom random) {
        this.keys = keys;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public KeyEntry wrap(byte[] dataKey, String recipient) {
        String fingerprint = normalize(recipient);
        List<PGPPublicKey> certificate = keys.certificate(fingerprint)
                .orElseThrow(() -> new UnknownRecipientException("no public key for PGP fingerprint " + fingerprint
                        + " in the keyring: add its armored public key file"));
        Instant now = clock.instant();
        PGPPublicKey encryptionKey = PgpEncryptionKeys.select(certificate, now)
                .orElseThrow(() ->
                        new UnknownRecipientException("the PGP key " + fingerprint + " has no usable encryption key"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("created_at", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
        fields.put("enc", seal(dataKey, encryptionKey, fingerprint));
        fields.put("fp", fingerprint);
        return new KeyEntry(TYPE, fields);
    }

    private String seal(byte[] dataKey, PGPPublicKey encryptionKey, String fingerprint) {
        try {
            return PgpEnvelope.seal(dataKey, encryptionKey, random);
        } catch (IOException | PGPException e) {
            throw new SopsException("cannot wrap the data key for PGP key " + fingerprint, e);
        }
    }

    static String normalize(String recipient) {
        String fingerprint = recipient.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw new MalformedKeyException(
                    "invalid PGP fingerprint '" + recipient.strip() + "': must be 40 (v4) or 64 (v6) hex digits");
        }
        return fingerprint;
    }

    @Override
    public Optional<byte[]> unwrap(KeyEntry entry) {
        String fingerprint = entry.field("fp").orElse("<none>");
        String enc = entry.field("enc")
                .orElseThrow(
                        () -> new KeyDecryptionException("PGP entry for key " + fingerprint + " has no 'enc' field"));
        List<PGPPublicKeyEncryptedData> recipients;
        try {
            recipients = PgpEnvelope.recipients(enc);
        } catch (IOException | RuntimeException e) {
            throw new KeyDecryptionException("the PGP entry for key " + fingerprint + " is not a valid PGP message", e);
        }
        for (PGPPublicKeyEncryptedData data : recipients) {
            Optional<byte[]> key = data.getKeyIdentifier().isWildcard()
                    ? openAnonymous(data, fingerprint)
                    : keys.secretKey(data.getKeyIdentifier().getKeyId())
                            .filter(PgpKeySource::hasPrivatePart)
                            .map(secret -> open(data, secret, fingerprint));
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> openAnonymous(PGPPublicKeyEncryptedData data, String fingerprint) {
        for (PgpKeyMaterial.SecretKey secret : keys.allSecretKeys()) {
            if (hasPrivatePart(secret) && secret.key().getPublicKey().isEncryptionKey()) {
                try {
                    return Optional.of(open(data, secret, fingerprint));
                } catch (KeyDecryptionException wrongKey) {
                    // an anonymous recipient names no key: try the next one
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasPrivatePart(PgpKeyMaterial.SecretKey secret) {
        return !secret.key().isPrivateKeyEmpty();
    }

    private byte[] open(PGPPublicKeyEncryptedData data, PgpKeyMaterial.SecretKey secret, String fingerprint) {
        PGPKeyPair keyPair = new PGPKeyPair(secret.key().getPublicKey(), privateKey(secret));
        try {
            return PgpEnvelope.open(data, keyPair);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new KeyDecryptionException(
                    "cannot decrypt the PGP entry for key " + fingerprint
                            + " with its secret key: the entry is corrupt or was tampered with",
                    e);
        }
    }

    private static PGPPrivateKey privateKey(PgpKeyMaterial.SecretKey secret) {
        String fingerprint = secret.primaryFingerprint() + " (subkey "
                + PgpKeyMaterial.fingerprint(secret.key().getPublicKey()) + ")";
        if (secret.key().getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL) {
            throw new ProtectedKeyException("the PGP secret key " + fingerprint
                    + " is protected by a passphrase; only unprotected secret keys are supported");
        }
        try {
            return secret.key().extractPrivateKey(null);
        } catch (PGPException e) {
            throw new KeyDecryptionException("cannot read the PGP secret key " + fingerprint, e);
        }
    }

    @Override
    public String toString() {
        return "PgpKeySource[" + keys + "]";
    }
}
