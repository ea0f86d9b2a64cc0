package dev.countersign.sops.internal.keys;

import dev.countersign.sops.MalformedKeyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * OpenPGP keys read from armored or binary key files: public key rings (certificates) and secret
 * key rings. Immutable and thread-safe once built.
 */
public final class PgpKeyMaterial {
    private static final Pattern ARMOR = Pattern.compile(
            "-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----.*?-----END PGP \\1 KEY BLOCK-----", Pattern.DOTALL);

    private final List<PGPPublicKeyRing> publicRings;
    private final List<PGPSecretKeyRing> secretRings;

    private PgpKeyMaterial(List<PGPPublicKeyRing> publicRings, List<PGPSecretKeyRing> secretRings) {
        this.publicRings = List.copyOf(publicRings);
        this.secretRings = List.copyOf(secretRings);
    }

    /**
     * Returns key material holding nothing.
     *
     * @return the empty material
     */
    public static PgpKeyMaterial empty() {
        return new PgpKeyMaterial(List.of(), List.of());
    }

    /**
     * Reads every key ring in a key file: one or more armored blocks, or binary packets.
     *
     * @param data the file's bytes
     * @param origin the file name, for messages
     * @return the key rings found
     * @throws MalformedKeyException when the data holds no readable key ring
     */
    public static PgpKeyMaterial parse(byte[] data, String origin) {
        List<PGPPublicKeyRing> publicRings = new ArrayList<>();
        List<PGPSecretKeyRing> secretRings = new ArrayList<>();
        Matcher matcher = ARMOR.matcher(new String(data, StandardCharsets.ISO_8859_1));
        boolean armored = false;
        while (matcher.find()) {
            armored = true;
            byte[] block = matcher.group().getBytes(StandardCharsets.ISO_8859_1);
            readRings(armorStream(block, origin), origin, publicRings, secretRings);
        }
        if (!armored) {
            readRings(new ByteArrayInputStream(data), origin, publicRings, secretRings);
        }
        if (publicRings.isEmpty() && secretRings.isEmpty()) {
            throw new MalformedKeyException("no OpenPGP key found in " + origin);
        }
        return new PgpKeyMaterial(publicRings, secretRings);
    }

    private static InputStream armorStream(byte[] block, String origin) {
        try {
            return new ArmoredInputStream(new ByteArrayInputStream(block));
        } catch (IOException e) {
            throw new MalformedKeyException("invalid armored OpenPGP key block in " + origin, e);
        }
    }

    private static void readRings(
            InputStream in, String origin, List<PGPPublicKeyRing> publicRings, List<PGPSecretKeyRing> secretRings) {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        try {
            for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
                if (object instanceof PGPPublicKeyRing ring) {
                    publicRings.add(ring);
                } else if (object instanceof PGPSecretKeyRing ring) {
                    secretRings.add(ring);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new MalformedKeyException("invalid OpenPGP key data in " + origin, e);
        }
    }

    /**
     * Combines this material with more.
     *
     * @param other more key rings
     * @return the union, this material's rings first
     */
    public PgpKeyMaterial plus(PgpKeyMaterial other) {
        List<PGPPublicKeyRing> publics = new ArrayList<>(publicRings);
        publics.addAll(other.publicRings);
        List<PGPSecretKeyRing> secrets = new ArrayList<>(secretRings);
        secrets.addAll(other.secretRings);
        return new PgpKeyMaterial(publics, secrets);
    }

    /**
     * Returns the primary-key fingerprints of every certificate and secret key ring held.
     *
     * @return uppercase hex fingerprints, public rings first, without duplicates
     */
    public List<String> fingerprints() {
        List<String> fingerprints = new ArrayList<>();
        publicRings.forEach(ring -> addOnce(fingerprints, fingerprint(ring.getPublicKey())));
        secretFingerprints().forEach(fingerprint -> addOnce(fingerprints, fingerprint));
        return fingerprints;
    }

    /**
     * Returns the primary-key fingerprints of the secret key rings held.
     *
     * @return uppercase hex fingerprints
     */
    public List<String> secretFingerprints() {
        List<String> fingerprints = new ArrayList<>();
        secretRings.forEach(ring -> addOnce(fingerprints, fingerprint(ring.getPublicKey())));
        return fingerprints;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    /** Finds the certificate with a primary or subkey of this fingerprint. */
    Optional<List<PGPPublicKey>> certificate(String fingerprint) {
        for (PGPPublicKeyRing ring : publicRings) {
            List<PGPPublicKey> keys = keys(ring.getPublicKeys());
            if (keys.stream().anyMatch(key -> fingerprint(key).equals(fingerprint))) {
                return Optional.of(keys);
            }
        }
        for (PGPSecretKeyRing ring : secretRings) {
            List<PGPPublicKey> keys = keys(ring.getPublicKeys());
            if (keys.stream().anyMatch(key -> fingerprint(key).equals(fingerprint))) {
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    private static List<PGPPublicKey> keys(Iterator<PGPPublicKey> iterator) {
        List<PGPPublicKey> keys = new ArrayList<>();
        iterator.forEachRemaining(keys::add);
        return keys;
    }

    /** A secret key and the fingerprint of the primary key of its ring. */
    record SecretKey(PGPSecretKey key, String primaryFingerprint) {}

    /** Finds the secret key (primary or subkey) with this key ID. */
    Optional<SecretKey> secretKey(long keyId) {
        for (PGPSecretKeyRing ring : secretRings) {
            PGPSecretKey key = ring.getSecretKey(keyId);
            if (key != null) {
                return Optional.of(new SecretKey(key, fingerprint(ring.getPublicKey())));
            }
        }
        return Optional.empty();
    }

    /** Returns every secret key, for messages encrypted to a wildcard key ID. */
    List<SecretKey> allSecretKeys() {
        List<SecretKey> keys = new ArrayList<>();
        for (PGPSecretKeyRing ring : secretRings) {
            String primary = fingerprint(ring.getPublicKey());
            ring.getSecretKeys().forEachRemaining(key -> keys.add(new SecretKey(key, primary)));
        }
        return keys;
    }

    @Override
    public String toString() {
        return "PgpKeyMaterial[public=" + publicRings.size() + ", secret=" + secretRings.size() + "]";
    }
}
