package dev.countersign.sops.internal;

import dev.countersign.sops.EncryptionRule;
import dev.countersign.sops.MacMismatchException;
import dev.countersign.sops.MalformedFileException;
import dev.countersign.sops.Recipient;
import dev.countersign.sops.SopsException;
import dev.countersign.sops.TamperedValueException;
import dev.countersign.sops.UnsupportedVersionException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The sops operations over parsed files: encrypt, decrypt, edit with the same data key, rotate and
 * update keys. Thread-safe when its key sources are; each call works on its own data.
 */
public final class Engine {
    private static final Pattern SEMVER =
            Pattern.compile("v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private final KeyRing keyRing;
    private final Clock clock;
    private final SecureRandom random;
    private final String version;

    /**
     * Creates an engine.
     *
     * @param keyRing the key sources
     * @param clock the clock for {@code lastmodified}
     * @param random the source of data keys and IVs
     * @param version the version written into new files
     */
    public Engine(KeyRing keyRing, Clock clock, SecureRandom random, String version) {
        this.keyRing = keyRing;
        this.clock = clock;
        this.random = random;
        this.version = version;
    }

    /**
     * A decrypted file, still holding its cipher (and so the data key) until closed.
     *
     * @param documents the plaintext documents
     * @param encrypted the documents as they were read, still encrypted
     * @param metadata the metadata
     * @param cipher the cipher with the data key and the IV memory
     */
    public record Opened(List<MapNode> documents, List<MapNode> encrypted, Metadata metadata, ValueCipher cipher)
            implements AutoCloseable {
        /**
         * Copies the documents.
         *
         * @param documents the plaintext documents
         * @param encrypted the encrypted documents
         * @param metadata the metadata
         * @param cipher the cipher
         */
        public Opened {
            documents = List.copyOf(documents);
            encrypted = List.copyOf(encrypted);
        }

        /** Wipes the data key. */
        @Override
        public void close() {
            cipher.close();
        }
    }

    /**
     * Encrypts plaintext documents for new master keys.
     *
     * @param documents the plaintext documents
     * @param groups the recipients, one list per key group
     * @param threshold the Shamir threshold (0 for all groups)
     * @param rule the selection rule
     * @param ruleWritten whether to write the rule (false for the binary store)
     * @param macOnlyEncrypted whether only encrypted values enter the MAC
     * @return the encrypted documents and metadata
     */
    public Store.EncryptedTree encrypt(
            List<MapNode> documents,
            List<List<Recipient>> groups,
            int threshold,
            EncryptionRule rule,
            boolean ruleWritten,
            boolean macOnlyEncrypted) {
        for (MapNode document : documents) {
            if (document.get("sops").isPresent()) {
                throw new MalformedFileException(
                        "the document already has a top-level 'sops' key: is it encrypted already?");
            }
        }
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try (ValueCipher cipher = new ValueCipher(dataKey, random)) {
            TreeCipher.Result result = TreeCipher.encrypt(documents, cipher, rule, macOnlyEncrypted);
            Metadata metadata = new Metadata(
                    keyRing.wrap(dataKey, groups, threshold, random),
                    threshold,
                    "",
                    "",
                    rule,
                    ruleWritten,
                    macOnlyEncrypted,
                    version);
            return seal(result, cipher, metadata);
        } finally {
            KeyRing.wipe(dataKey);
        }
    }

    private Store.EncryptedTree seal(TreeCipher.Result result, ValueCipher cipher, Metadata metadata) {
        String now = GoTime.formatSeconds(
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        String mac = cipher.encrypt(Scalar.str(result.mac()), now);
        return new Store.EncryptedTree(result.documents(), MetadataCodec.write(metadata.withMac(now, mac)));
    }

    /**
     * Decrypts a file.
     *
     * @param tree the encrypted documents and metadata
     * @param verifyMac whether to check the MAC
     * @return the opened file; the caller closes it
     * @throws MacMismatchException when the MAC is checked and does not match
     */
    public Opened open(Store.EncryptedTree tree, boolean verifyMac) {
        return open(tree, verifyMac, true);
    }

    /**
     * Decrypts a file that will not be written back: like {@link #open}, but the opened file's cipher
     * does not remember IVs, so it must not be used to re-encrypt.
     *
     * @param tree the encrypted documents and metadata
     * @param verifyMac whether to check the MAC
     * @return the opened file; the caller closes it
     * @throws MacMismatchException when the MAC is checked and does not match
     */
    public Opened read(Store.EncryptedTree tree, boolean verifyMac) {
        return open(tree, verifyMac, false);
    }

    private Opened open(Store.EncryptedTree tree, boolean verifyMac, boolean forWriting) {
        Metadata metadata = MetadataCodec.read(tree.sops());
        checkVersion(metadata.version());
        byte[] dataKey = keyRing.unwrap(metadata);
        ValueCipher cipher = forWriting ? new ValueCipher(dataKey, random) : ValueCipher.forReading(dataKey, random);
        KeyRing.wipe(dataKey);
        try {
            TreeCipher.Result result =
                    TreeCipher.decrypt(tree.documents(), cipher, metadata.rule(), metadata.macOnlyEncrypted());
            if (verifyMac) {
                checkMac(cipher, metadata, result.mac());
            }
            return new Opened(result.documents(), tree.documents(), metadata, cipher);
        } catch (SopsException e) {
            cipher.close();
            throw e;
        }
    }

    private static void checkVersion(String fileVersion) {
        if (fileVersion.startsWith("1.") || SEMVER.matcher(fileVersion).matches()) {
            return;
        }
        throw new UnsupportedVersionException("unsupported sops version '" + fileVersion
                + "': must be a semantic version MAJOR.MINOR.PATCH, as the sops tool requires");
    }

    private static void checkMac(ValueCipher cipher, Metadata metadata, String computed) {
        if (metadata.mac().isEmpty()) {
            throw new MacMismatchException("MAC mismatch: the file has no MAC");
        }
        String aad;
        try {
            aad = GoTime.formatSeconds(GoTime.parseRfc3339(metadata.lastModified()));
        } catch (DateTimeParseException e) {
            throw new MalformedFileException(
                    "invalid lastmodified '" + metadata.lastModified() + "': must be an RFC 3339 time", e);
        }
        String stored;
        try {
            stored = cipher.decrypt(metadata.mac(), aad, "sops.mac").text();
        } catch (TamperedValueException e) {
            throw new MacMismatchException(
                    "MAC cannot be decrypted: lastmodified or the mac was changed, or the data key is wrong", e);
        }
        if (!stored.equals(computed)) {
            throw new MacMismatchException(
                    "MAC mismatch: values were changed, removed, added or reordered since the file was written");
        }
    }

    /**
     * Re-encrypts an opened file after a change, keeping its data key (unchanged values keep their
     * ciphertext), with a new MAC and {@code lastmodified}; the version is left as it was.
     *
     * @param opened the opened file
     * @param change the change to the plaintext documents
     * @return the encrypted documents and metadata
     */
    public Store.EncryptedTree edit(Opened opened, UnaryOperator<List<MapNode>> change) {
        Metadata metadata = opened.metadata();
        TreeCipher.Result result = TreeCipher.encrypt(
                change.apply(opened.documents()), opened.cipher(), metadata.rule(), metadata.macOnlyEncrypted());
        return seal(result, opened.cipher(), metadata);
    }

    /**
     * Re-encrypts an opened file under a new data key for the given recipients.
     *
     * @param opened the opened file
     * @param groups the recipients of the new data key
     * @param threshold the Shamir threshold
     * @return the encrypted documents and metadata
     */
    public Store.EncryptedTree rotate(Opened opened, List<List<Recipient>> groups, int threshold) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        try (ValueCipher cipher = opened.cipher().withKey(dataKey)) {
            Metadata metadata = opened.metadata();
            TreeCipher.Result result =
                    TreeCipher.encrypt(opened.documents(), cipher, metadata.rule(), metadata.macOnlyEncrypted());
            return seal(
                    result,
                    cipher,
                    metadata.withKeyGroups(keyRing.wrap(dataKey, groups, threshold, random), threshold));
        } finally {
            KeyRing.wipe(dataKey);
        }
    }

    /**
     * Replaces the master keys while keeping the data key, values and MAC untouched.
     *
     * @param opened the opened file (its MAC need not have been checked)
     * @param groups the new recipients
     * @param threshold the Shamir threshold
     * @return the encrypted documents and metadata
     */
    public Store.EncryptedTree rewrap(Opened opened, List<List<Recipient>> groups, int threshold) {
        byte[] dataKey = opened.cipher().dataKey();
        try {
            List<List<MasterKey>> old = opened.metadata().keyGroups();
            List<MasterKey> reusable = old.size() == 1 ? old.get(0) : List.of();
            Metadata metadata = opened.metadata()
                    .withKeyGroups(keyRing.wrap(dataKey, groups, threshold, random, reusable), threshold);
            return new Store.EncryptedTree(opened.encrypted(), MetadataCodec.write(metadata));
        } finally {
            KeyRing.wipe(dataKey);
        }
    }

    /**
     * Tells whether a change of recipients removes any.
     *
     * @param old the current recipients
     * @param groups the new recipients
     * @return true when some current recipient is not among the new ones
     */
    public static boolean removesRecipients(List<List<MasterKey>> old, List<List<Recipient>> groups) {
        Set<Recipient> kept = new HashSet<>();
        groups.forEach(kept::addAll);
        return KeyRing.recipients(old).stream().flatMap(List::stream).anyMatch(r -> !kept.contains(r));
    }
}
