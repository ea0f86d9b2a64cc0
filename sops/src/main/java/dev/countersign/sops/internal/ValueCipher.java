package dev.countersign.sops.internal;

import dev.countersign.sops.TamperedValueException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM over single values with a 32-byte IV and the key path as AAD. It remembers the IV of
 * every value it decrypted, so re-encrypting an unchanged value under the same path reproduces the
 * same ciphertext (small Git diffs, as sops does). Not thread-safe; {@link #close()} wipes the key.
 */
public final class ValueCipher implements AutoCloseable {
    private static final int IV_BYTES = 32;
    private static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final byte[] key;
    private final SecureRandom random;
    private final Map<StashKey, byte[]> stash = new HashMap<>();
    // IVs of decrypted values, in order, not yet hashed into the stash: a plain decrypt never
    // encrypts, so it should not pay for a map of every value.
    private final List<StashKey> pendingKeys = new ArrayList<>();
    private final List<byte[]> pendingIvs = new ArrayList<>();
    private final SecretKeySpec keySpec;
    private final boolean remembering;
    // One instance serves every decryption; encryption takes a fresh one because the JDK refuses to
    // re-initialise GCM encryption with the key and IV it just used, which the IV stash can ask for.
    private @Nullable Cipher decryptor;

    /**
     * Creates a cipher over a data key.
     *
     * @param dataKey the 32-byte data key, copied
     * @param random the source of fresh IVs
     */
    public ValueCipher(byte[] dataKey, SecureRandom random) {
        this(dataKey, random, true);
    }

    private ValueCipher(byte[] dataKey, SecureRandom random, boolean remembering) {
        this.key = dataKey.clone();
        this.keySpec = new SecretKeySpec(key, "AES");
        this.random = random;
        this.remembering = remembering;
    }

    /**
     * Creates a cipher that only reads: it does not remember the IVs of what it decrypts, so anything it
     * encrypts gets a fresh IV. For decrypting a file that is not written back.
     *
     * @param dataKey the 32-byte data key, copied
     * @param random the source of fresh IVs
     * @return the cipher
     */
    public static ValueCipher forReading(byte[] dataKey, SecureRandom random) {
        return new ValueCipher(dataKey, random, false);
    }

    /**
     * Returns a copy of the data key.
     *
     * @return the key bytes
     */
    public byte[] dataKey() {
        return key.clone();
    }

    /**
     * Returns a cipher with another key that reuses this cipher's IV memory (for rotation).
     *
     * @param dataKey the new key
     * @return the new cipher
     */
    public ValueCipher withKey(byte[] dataKey) {
        ValueCipher next = new ValueCipher(dataKey, random);
        next.stash.putAll(stash());
        return next;
    }

    /**
     * Encrypts a value.
     *
     * @param value the typed plaintext; must not be empty
     * @param aad the additional data, e.g. {@code db:password:}
     * @return the ENC string
     */
    public String encrypt(Scalar value, String aad) {
        byte[] iv = stash().computeIfAbsent(new StashKey(aad, value), k -> freshIv());
        byte[] plain = value.bytes();
        try {
            byte[] sealed = init(Cipher.getInstance(TRANSFORMATION), Cipher.ENCRYPT_MODE, iv, aad)
                    .doFinal(plain);
            byte[] data = Arrays.copyOf(sealed, sealed.length - TAG_BYTES);
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG_BYTES, sealed.length);
            return new EncValue(data, iv, tag, value.type()).format();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts a value and checks its type.
     *
     * @param enc the ENC string
     * @param aad the additional data the value must have been encrypted with
     * @param path the value's path, for messages
     * @return the typed plaintext
     * @throws TamperedValueException when authentication fails
     * @throws dev.countersign.sops.MalformedValueException when the string or the plaintext is malformed
     */
    public Scalar decrypt(String enc, String aad, String path) {
        return decrypt(enc, aad, () -> path);
    }

    /**
     * Decrypts a value and checks its type, naming its path only when something fails.
     *
     * @param enc the ENC string
     * @param aad the additional data the value must have been encrypted with
     * @param path the value's path, for messages
     * @return the typed plaintext
     * @throws TamperedValueException when authentication fails
     * @throws dev.countersign.sops.MalformedValueException when the string or the plaintext is malformed
     */
    public Scalar decrypt(String enc, String aad, Supplier<String> path) {
        EncValue value = EncValue.parse(enc, path);
        byte[] plain = open(value, aad, path);
        Scalar scalar = Scalars.canonical(value.type(), plain, path);
        Arrays.fill(plain, (byte) 0);
        if (remembering) {
            pendingKeys.add(new StashKey(aad, scalar));
            pendingIvs.add(value.ivView());
        }
        return scalar;
    }

    private byte[] open(EncValue value, String aad, Supplier<String> path) {
        try {
            return init(decryptor(), Cipher.DECRYPT_MODE, value.ivView(), aad).doFinal(value.sealed());
        } catch (AEADBadTagException e) {
            throw new TamperedValueException(
                    "value at " + Redacted.path(path.get())
                            + " failed authentication: it was changed, moved to another key, or the data key is wrong",
                    e);
        } catch (GeneralSecurityException e) {
            throw new TamperedValueException(
                    "value at " + Redacted.path(path.get()) + " cannot be decrypted: " + e.getMessage(), e);
        }
    }

    private Map<StashKey, byte[]> stash() {
        for (int i = 0; i < pendingKeys.size(); i++) {
            stash.put(pendingKeys.get(i), pendingIvs.get(i));
        }
        pendingKeys.clear();
        pendingIvs.clear();
        return stash;
    }

    private Cipher decryptor() throws GeneralSecurityException {
        Cipher cipher = decryptor;
        if (cipher == null) {
            cipher = Cipher.getInstance(TRANSFORMATION);
            decryptor = cipher;
        }
        return cipher;
    }

    private Cipher init(Cipher cipher, int mode, byte[] iv, String aad) throws GeneralSecurityException {
        cipher.init(mode, keySpec, new GCMParameterSpec(TAG_BYTES * 8, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] freshIv() {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return iv;
    }

    /** Wipes the data key and forgets the remembered IVs. */
    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        stash.clear();
        pendingKeys.clear();
        pendingIvs.clear();
    }

    @Override
    public String toString() {
        return "ValueCipher[<redacted>]";
    }

    private record StashKey(String aad, Scalar value) {}
}
