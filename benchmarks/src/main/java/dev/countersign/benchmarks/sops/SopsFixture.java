package dev.countersign.benchmarks.sops;

import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.EncryptOptions;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.KeyGroups;
import dev.countersign.sops.Recipient;
import dev.countersign.sops.Sops;
import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark file: a generated plaintext, the same text encrypted once to a generated age key,
 * and the data key (captured through the public key-source SPI) for the floor. The accessors return
 * the fixture's own arrays (no copy, so that benchmarks measure only the operation); do not modify them.
 */
public final class SopsFixture {
    private final byte[] plaintext;
    private final byte[] encrypted;
    private final AgeIdentity identity;
    private final byte[] dataKey;
    private final Sops sops;
    private final EncryptOptions options;

    private SopsFixture(
            byte[] plaintext,
            byte[] encrypted,
            AgeIdentity identity,
            byte[] dataKey,
            Sops sops,
            EncryptOptions options) {
        this.plaintext = plaintext;
        this.encrypted = encrypted;
        this.identity = identity;
        this.dataKey = dataKey;
        this.sops = sops;
        this.options = options;
    }

    /**
     * Returns the plaintext YAML.
     *
     * @return the fixture's array
     */
    public byte[] plaintext() {
        return plaintext;
    }

    /**
     * Returns the SOPS-encrypted YAML.
     *
     * @return the fixture's array
     */
    public byte[] encrypted() {
        return encrypted;
    }

    /**
     * Returns the age identity the data key is wrapped to.
     *
     * @return the identity
     */
    public AgeIdentity identity() {
        return identity;
    }

    /**
     * Returns the file's 32-byte data key.
     *
     * @return a copy of the key
     */
    public byte[] dataKey() {
        return dataKey.clone();
    }

    /**
     * Returns a Countersign instance that holds the identity.
     *
     * @return the instance
     */
    public Sops sops() {
        return sops;
    }

    /**
     * Returns the options that encrypt to the identity.
     *
     * @return the options
     */
    public EncryptOptions options() {
        return options;
    }

    /**
     * Generates the plaintext and encrypts it once; the identity and the data key come from a
     * {@code SHA1PRNG} seeded with {@code seed} (age's own ephemeral key is not seedable).
     *
     * @param leafCount the number of leaves
     * @param seed the seed
     * @return the fixture
     */
    public static SopsFixture create(int leafCount, long seed) {
        SecureRandom random = seeded(seed);
        AgeIdentity identity = AgeIdentity.generate(random);
        CapturingSource source = new CapturingSource(AgeKeys.source(List.of(identity)));
        Sops sops = Sops.builder().keySource(source).random(random).build();
        EncryptOptions options = EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(identity.recipient()))));
        byte[] plaintext = HelmValues.generate(leafCount, seed).getBytes(StandardCharsets.UTF_8);
        byte[] encrypted = sops.encrypt(plaintext, FileFormat.YAML, options);
        sops.decrypt(encrypted, FileFormat.YAML);
        byte[] dataKey = source.captured();
        Sops plain = Sops.builder().keySource(AgeKeys.source(List.of(identity))).build();
        return new SopsFixture(plaintext, encrypted, identity, dataKey, plain, options);
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is not available", e);
        }
    }

    /** Delegates to another source and keeps the last data key it unwrapped. */
    private static final class CapturingSource implements KeySource {
        private final KeySource delegate;
        private volatile byte[] last = new byte[0];

        CapturingSource(KeySource delegate) {
            this.delegate = delegate;
        }

        @Override
        public String type() {
            return delegate.type();
        }

        @Override
        public KeyEntry wrap(byte[] dataKey, String recipient) {
            return delegate.wrap(dataKey, recipient);
        }

        @Override
        public Optional<byte[]> unwrap(KeyEntry entry) {
            Optional<byte[]> key = delegate.unwrap(entry);
            key.ifPresent(bytes -> last = bytes.clone());
            return key;
        }

        byte[] captured() {
            byte[] key = last;
            if (key.length != 32) {
                throw new IllegalStateException("no 32-byte data key was unwrapped");
            }
            return key.clone();
        }
    }
}
