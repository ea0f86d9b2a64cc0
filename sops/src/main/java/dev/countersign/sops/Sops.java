package dev.countersign.sops;

import dev.countersign.sops.internal.Engine;
import dev.countersign.sops.internal.KeyRing;
import dev.countersign.sops.internal.MapNode;
import dev.countersign.sops.internal.Node;
import dev.countersign.sops.internal.Scalar;
import dev.countersign.sops.internal.Store;
import dev.countersign.sops.internal.Stores;
import dev.countersign.sops.internal.Trees;
import dev.countersign.sops.internal.ValueType;
import dev.countersign.sops.spi.KeySource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and writes SOPS-format files, compatible both ways with the {@code sops} tool: encrypt,
 * decrypt (the MAC is always verified unless explicitly ignored), set a value, rotate the data key and
 * update the recipients. Files are passed as bytes with their {@link FileFormat}.
 *
 * <pre>{@code
 * Sops sops = Sops.builder().keySource(ageKeys).build();
 * byte[] file = sops.encrypt(plainYaml, FileFormat.YAML, EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(pub)))));
 * byte[] plain = sops.decrypt(file, FileFormat.YAML);
 * }</pre>
 *
 * <p>Immutable and thread-safe when its key sources are. Plaintext and data keys never appear in
 * exception messages; data keys are wiped after each call.
 */
public final class Sops {
    /** The sops version written into new files: the newest sops file layout this library writes. */
    public static final String DEFAULT_VERSION = "3.13.2";

    private final Engine engine;

    private Sops(Builder builder) {
        this.engine = new Engine(new KeyRing(builder.sources), builder.clock, builder.random, builder.version);
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the system UTC clock, a new {@link SecureRandom} and no key sources
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Encrypts a plaintext file, keeping its format.
     *
     * @param plaintext the file
     * @param format its format
     * @param options recipients and rule
     * @return the encrypted file
     * @throws MalformedFileException when the file does not parse or is already encrypted
     */
    public byte[] encrypt(byte[] plaintext, FileFormat format, EncryptOptions options) {
        return encrypt(plaintext, format, format, options);
    }

    /**
     * Encrypts a plaintext file into another format.
     *
     * @param plaintext the file
     * @param input its format
     * @param output the encrypted file's format
     * @param options recipients and rule
     * @return the encrypted file
     * @throws MalformedFileException when the file does not parse or cannot be written as {@code output}
     */
    public byte[] encrypt(byte[] plaintext, FileFormat input, FileFormat output, EncryptOptions options) {
        List<MapNode> documents = Stores.of(input).readPlain(plaintext);
        boolean binary = output == FileFormat.BINARY;
        EncryptionRule rule = binary ? EncryptionRule.DEFAULT : options.rule();
        Store.EncryptedTree tree = engine.encrypt(
                documents,
                options.keyGroups().groups(),
                options.keyGroups().threshold(),
                rule,
                !binary,
                options.macOnlyEncrypted() && !binary);
        return Stores.of(output).writeEncrypted(tree.documents(), tree.sops());
    }

    /**
     * Decrypts a file into its plaintext, verifying the MAC.
     *
     * @param file the encrypted file
     * @param format its format, also used for the plaintext
     * @return the plaintext file
     * @throws MacMismatchException when the values do not match the MAC
     * @throws NoMatchingKeyException when no key source can decrypt the data key
     * @throws TamperedValueException when a value fails authentication
     */
    public byte[] decrypt(byte[] file, FileFormat format) {
        return decrypt(file, format, format);
    }

    /**
     * Decrypts a file into another format, verifying the MAC.
     *
     * @param file the encrypted file
     * @param input its format
     * @param output the plaintext's format
     * @return the plaintext file
     * @throws MacMismatchException when the values do not match the MAC
     */
    public byte[] decrypt(byte[] file, FileFormat input, FileFormat output) {
        return decrypt(file, input, output, true);
    }

    /**
     * Decrypts a file without checking its MAC (sops {@code --ignore-mac}); values are still
     * authenticated one by one, but removed, reordered or swapped values go unnoticed.
     *
     * @param file the encrypted file
     * @param input its format
     * @param output the plaintext's format
     * @return the plaintext file
     */
    public byte[] decryptIgnoringMac(byte[] file, FileFormat input, FileFormat output) {
        return decrypt(file, input, output, false);
    }

    private byte[] decrypt(byte[] file, FileFormat input, FileFormat output, boolean verifyMac) {
        try (Engine.Opened opened = engine.read(Stores.of(input).readEncrypted(file), verifyMac)) {
            return Stores.of(output).writePlain(opened.documents());
        }
    }

    /**
     * Decrypts one value or subtree (sops {@code --extract}), verifying the MAC. A string comes back as
     * its bytes, another scalar as its text, a subtree as a document in {@code output}.
     *
     * @param file the encrypted file
     * @param input its format
     * @param path where the value is, in the first document
     * @param output the format for a subtree
     * @return the value
     * @throws SopsException when there is no value at the path
     */
    public byte[] extract(byte[] file, FileFormat input, ValuePath path, FileFormat output) {
        try (Engine.Opened opened = engine.read(Stores.of(input).readEncrypted(file), true)) {
            Node value = Trees.find(opened.documents().get(0), path);
            if (value instanceof Scalar scalar) {
                return scalarBytes(scalar);
            }
            if (value instanceof MapNode map) {
                return Stores.of(output).writePlain(List.of(map));
            }
            throw new SopsException("the value at " + path + " is a list or null; extract a map or a scalar");
        }
    }

    private static byte[] scalarBytes(Scalar scalar) {
        if (scalar.type() == ValueType.BOOL) {
            return scalar.text().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return scalar.bytes();
    }

    /**
     * Sets one value (sops {@code set}), keeping the data key: unchanged values keep their exact
     * ciphertext, the MAC and {@code lastmodified} are renewed. The MAC is verified first.
     *
     * @param file the encrypted file
     * @param format its format
     * @param path where to put the value; missing map keys are created
     * @param jsonValue the value as JSON, e.g. {@code "secret"}, {@code 5}, {@code {"a": true}}
     * @return the new encrypted file
     * @throws MalformedFileException when the value is not JSON
     */
    public byte[] set(byte[] file, FileFormat format, ValuePath path, String jsonValue) {
        Node value = Trees.parseJsonValue(jsonValue);
        Store store = Stores.of(format);
        try (Engine.Opened opened = engine.open(store.readEncrypted(file), true)) {
            Store.EncryptedTree tree = engine.edit(opened, documents -> {
                List<MapNode> changed = new ArrayList<>(documents);
                changed.set(0, Trees.set(documents.get(0), path, value));
                return changed;
            });
            return store.writeEncrypted(tree.documents(), tree.sops());
        }
    }

    /**
     * Rotates the data key (sops {@code rotate}): every value is re-encrypted under a new key, which is
     * wrapped for the same recipients. Needs a key source for every recipient's type.
     *
     * @param file the encrypted file
     * @param format its format
     * @return the new encrypted file
     */
    public byte[] rotate(byte[] file, FileFormat format) {
        Store store = Stores.of(format);
        try (Engine.Opened opened = engine.open(store.readEncrypted(file), true)) {
            List<List<Recipient>> recipients =
                    KeyRing.recipients(opened.metadata().keyGroups());
            Store.EncryptedTree tree =
                    engine.rotate(opened, recipients, opened.metadata().shamirThreshold());
            return store.writeEncrypted(tree.documents(), tree.sops());
        }
    }

    /**
     * Replaces the recipients (sops {@code updatekeys}). When a current recipient is removed, the data
     * key is rotated too, so the removed key cannot read the new file (sops itself would keep the key);
     * otherwise the values are left untouched and only the new recipients get the existing key.
     *
     * @param file the encrypted file
     * @param format its format
     * @param groups the new recipients
     * @return the new encrypted file
     */
    public byte[] updateKeys(byte[] file, FileFormat format, KeyGroups groups) {
        return updateKeys(file, format, groups, true);
    }

    /**
     * Replaces the recipients exactly as sops {@code updatekeys} does: the data key is kept even when a
     * recipient is removed (a removed key that saw the old file can still read the new one).
     *
     * @param file the encrypted file
     * @param format its format
     * @param groups the new recipients
     * @return the new encrypted file
     */
    public byte[] updateKeysKeepingDataKey(byte[] file, FileFormat format, KeyGroups groups) {
        return updateKeys(file, format, groups, false);
    }

    private byte[] updateKeys(byte[] file, FileFormat format, KeyGroups groups, boolean rotateOnRemoval) {
        Store store = Stores.of(format);
        Store.EncryptedTree read = store.readEncrypted(file);
        try (Engine.Opened peek = engine.open(read, false)) {
            boolean rotate =
                    rotateOnRemoval && Engine.removesRecipients(peek.metadata().keyGroups(), groups.groups());
            Store.EncryptedTree tree =
                    rotate ? rotateVerified(read, groups) : engine.rewrap(peek, groups.groups(), groups.threshold());
            return store.writeEncrypted(tree.documents(), tree.sops());
        }
    }

    private Store.EncryptedTree rotateVerified(Store.EncryptedTree read, KeyGroups groups) {
        try (Engine.Opened opened = engine.open(read, true)) {
            return engine.rotate(opened, groups.groups(), groups.threshold());
        }
    }

    /** Builds a {@link Sops}; not thread-safe. */
    public static final class Builder {
        private final List<KeySource> sources = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private String version = DEFAULT_VERSION;

        private Builder() {}

        /**
         * Adds a key source; a later source of the same type replaces an earlier one.
         *
         * @param source the source
         * @return this builder
         */
        public Builder keySource(KeySource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Sets the clock for {@code lastmodified}.
         *
         * @param newClock the clock
         * @return this builder
         */
        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /**
         * Sets the randomness for data keys and IVs.
         *
         * @param newRandom the source
         * @return this builder
         */
        public Builder random(SecureRandom newRandom) {
            this.random = newRandom;
            return this;
        }

        /**
         * Sets the version written into new files.
         *
         * @param newVersion a strict semantic version, at least 3.3.0
         * @return this builder
         * @throws IllegalArgumentException when it is no {@code MAJOR.MINOR.PATCH} version
         */
        public Builder version(String newVersion) {
            if (!newVersion.matches("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)")) {
                throw new IllegalArgumentException(
                        "invalid sops version '" + newVersion + "': must be MAJOR.MINOR.PATCH, e.g. 3.13.2");
            }
            this.version = newVersion;
            return this;
        }

        /**
         * Builds the instance.
         *
         * @return the instance
         */
        public Sops build() {
            return new Sops(this);
        }
    }
}
